import { describe, expect, it } from 'vitest';
import { SYNC } from '$lib/policy';
import { afterUrgentWork, listenForUrgentWork } from './link-priority';

const announce = (target: EventTarget, work: Promise<unknown>) =>
	target.dispatchEvent(new CustomEvent(SYNC.urgentEvent, { detail: work }));

describe('link priority', () => {
	it('lets background work start only after the urgent work announced by the same event', async () => {
		const window = new EventTarget();
		const stop = listenForUrgentWork(window);
		const order: string[] = [];
		let finish!: () => void;
		const filing = new Promise<void>((r) => (finish = r)).then(() => order.push('filed'));
		// The background listener runs first (it was added first), the queue's right after it.
		const pull = afterUrgentWork().then(() => order.push('pull'));
		announce(window, filing);
		await new Promise((r) => setTimeout(r, 20));
		expect(order).toEqual([]);
		finish();
		await pull;
		expect(order).toEqual(['filed', 'pull']);
		stop();
	});

	it('does not hold background work back when the urgent work failed', async () => {
		const window = new EventTarget();
		const stop = listenForUrgentWork(window);
		const failed = Promise.reject(new Error('sin conexión'));
		failed.catch(() => {});
		announce(window, failed);
		await expect(afterUrgentWork()).resolves.toBeUndefined();
		stop();
	});

	it('ignores work announced after it stopped listening', async () => {
		const window = new EventTarget();
		listenForUrgentWork(window)();
		announce(window, new Promise(() => {}));
		await expect(afterUrgentWork()).resolves.toBeUndefined();
	});
});
