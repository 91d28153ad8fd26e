import NodeEventEmitter from 'node:events';
import { describe, expect, it } from 'vitest';
import EventEmitter from './event-emitter.js';

type Emitter = InstanceType<typeof NodeEventEmitter>;
type EmitterClass = new () => Emitter;

/** What PouchDB does with its emitters, written down as a log. */
function script(EE: EmitterClass): unknown[] {
	const log: unknown[] = [];
	class Replication extends EE {
		constructor() {
			super();
			this.setMaxListeners(0);
		}
	}
	const r = new Replication();
	r.on('newListener', (type: string) => log.push(['new', type]));
	const a = (x: number) => log.push(['a', x]);
	const b = (x: number) => {
		log.push(['b', x]);
		// Removed while the event runs: still called this time (a copy of the list runs).
		r.removeListener('change', c);
	};
	const c = (x: number) => log.push(['c', x]);
	r.on('change', a).on('change', b).on('change', c);
	r.once('change', a);
	log.push(['count', r.listenerCount('change'), EE.prototype.listenerCount.call(r, 'change')]);
	log.push([
		'listeners are the functions given',
		r.listeners('change').every((l) => l === a || l === b || l === c)
	]);
	log.push(['emit', r.emit('change', 1)]);
	log.push(['emit', r.emit('change', 2)]);
	// The same function twice: the last one added goes.
	r.on('change', a);
	r.removeListener('change', a);
	log.push(['emit', r.emit('change', 3)]);
	r.once('done', (x: number) => log.push(['done', x]));
	r.removeListener('done', r.listeners('done')[0] as () => void);
	log.push(['once removed by the function given', r.emit('done', 4)]);
	r.removeAllListeners('change');
	log.push(['after removeAll(change)', r.emit('change', 5), r.eventNames()]);
	r.removeAllListeners();
	log.push(['after removeAll()', r.eventNames()]);
	try {
		r.emit('error', new Error('boom'));
	} catch (e) {
		log.push(['thrown', (e as Error).message]);
	}
	r.on('error', (e: Error) => log.push(['handled', e.message]));
	r.emit('error', new Error('quiet'));
	return log;
}

describe('EventEmitter for the browser', () => {
	it('behaves as Node’s where PouchDB can tell', () => {
		const ours = script(EventEmitter as unknown as EmitterClass);
		expect(ours).toEqual(script(NodeEventEmitter as unknown as EmitterClass));
		expect(ours).toContainEqual(['thrown', 'boom']);
	});

	it('has its methods on the prototype as keys, as PouchDB copies them onto its constructor', () => {
		const keys = Object.keys(EventEmitter.prototype);
		for (const method of [
			'on',
			'once',
			'emit',
			'removeListener',
			'removeAllListeners',
			'listeners'
		]) {
			expect(keys).toContain(method);
		}
	});

	it('counts listeners as the events package’s static helper does', () => {
		const emitter = new (EventEmitter as unknown as EmitterClass)();
		emitter.on('x', () => {});
		expect(EventEmitter.listenerCount(emitter as never, 'x')).toBe(1);
	});
});
