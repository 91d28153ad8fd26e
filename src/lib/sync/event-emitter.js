// Node's EventEmitter, the part PouchDB uses, for the browser build: put in place of the
// `events` package (whose full copy of Node's module was 2.3 KB compressed of every device's
// install) by scripts/pouchdb-browser-deps.js. Behaves as Node's does where PouchDB can tell:
// listeners run in the order added, on a copy of the list; `once` listeners are removed before
// they run and listed as the function given; `newListener` comes before a listener is added;
// an `error` nobody listens to is thrown. event-emitter.spec.ts runs the same script against
// this and Node's `events`.
//
// A constructor function with methods assigned to its prototype, not a class: PouchDB copies
// the emitter's methods with `Object.keys(EE.prototype)`, which lists only assigned ones.

/** @typedef {(...args: any[]) => void} Listener */
/** @typedef {Listener & { listener?: Listener }} Stored */

export default function EventEmitter() {
	/** @type {Map<string | symbol, Stored[]>} */
	this._events = new Map();
}

/** @this {any} @returns {Map<string | symbol, Stored[]>} */
function events() {
	// A subclass whose constructor never called this one still works.
	return (this._events ??= new Map());
}

EventEmitter.EventEmitter = EventEmitter;

/** @param {EventEmitter} emitter @param {string | symbol} type */
EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);

/** @param {string | symbol} type @param {Listener} listener */
EventEmitter.prototype.on = function (type, listener) {
	if (typeof listener !== 'function') throw new TypeError('listener must be a function');
	const all = events.call(this);
	if (all.has('newListener')) {
		this.emit('newListener', type, /** @type {Stored} */ (listener).listener ?? listener);
	}
	const list = all.get(type);
	if (list) list.push(listener);
	else all.set(type, [listener]);
	return this;
};

EventEmitter.prototype.addListener = EventEmitter.prototype.on;

/** @param {string | symbol} type @param {Listener} listener */
EventEmitter.prototype.once = function (type, listener) {
	if (typeof listener !== 'function') throw new TypeError('listener must be a function');
	/** @type {Stored} */
	const wrapper = (...args) => {
		this.removeListener(type, wrapper);
		listener.apply(this, args);
	};
	wrapper.listener = listener;
	return this.on(type, wrapper);
};

/** @param {string | symbol} type @param {Listener} listener */
EventEmitter.prototype.removeListener = function (type, listener) {
	const all = events.call(this);
	const list = all.get(type);
	if (!list) return this;
	// The last one added goes first, as in Node.
	for (let i = list.length - 1; i >= 0; i--) {
		const stored = /** @type {Stored} */ (list[i]);
		if (stored !== listener && stored.listener !== listener) continue;
		list.splice(i, 1);
		if (!list.length) all.delete(type);
		if (all.has('removeListener')) this.emit('removeListener', type, stored.listener ?? stored);
		break;
	}
	return this;
};

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

/** @param {string | symbol} [type] */
EventEmitter.prototype.removeAllListeners = function (type) {
	if (type === undefined) events.call(this).clear();
	else events.call(this).delete(type);
	return this;
};

/** @param {string | symbol} type @param {...any} args */
EventEmitter.prototype.emit = function (type, ...args) {
	const list = events.call(this).get(type);
	if (!list) {
		if (type === 'error') {
			const error = args[0];
			throw error instanceof Error ? error : new Error(`Unhandled error. (${String(error)})`);
		}
		return false;
	}
	for (const listener of [...list]) listener.apply(this, args);
	return true;
};

/** @param {string | symbol} type */
EventEmitter.prototype.listeners = function (type) {
	return (events.call(this).get(type) ?? []).map((l) => l.listener ?? l);
};

/** @param {string | symbol} type */
EventEmitter.prototype.listenerCount = function (type) {
	return events.call(this).get(type)?.length ?? 0;
};

EventEmitter.prototype.eventNames = function () {
	return [...events.call(this).keys()];
};

// Node warns past 10 listeners of one event; PouchDB raises the limit for its own: no limit here.
EventEmitter.prototype.setMaxListeners = function () {
	return this;
};

EventEmitter.prototype.getMaxListeners = () => Infinity;
