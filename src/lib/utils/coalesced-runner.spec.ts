import { describe, expect, it } from 'vitest';
import { coalescedRunner } from './coalesced-runner';

/** A task whose runs finish only when the test says so. */
function controlledTask() {
	const finish: Array<() => void> = [];
	let runs = 0;
	const task = () =>
		new Promise<void>((resolve) => {
			runs++;
			finish.push(resolve);
		});
	return { task, runs: () => runs, finishNext: () => finish.shift()?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('coalesced runner', () => {
	it('runs once more after a run during which it was called, however many calls came', async () => {
		const t = controlledTask();
		const run = coalescedRunner(t.task);
		const first = run();
		await tick();
		const second = run();
		run();
		expect(t.runs()).toBe(1);
		t.finishNext();
		await tick();
		expect(t.runs()).toBe(2);
		let secondDone = false;
		void second.then(() => (secondDone = true));
		await tick();
		expect(secondDone).toBe(false);
		t.finishNext();
		await Promise.all([first, second]);
		expect(t.runs()).toBe(2);
	});

	it('starts a fresh run for a call after the previous runs ended', async () => {
		const t = controlledTask();
		const run = coalescedRunner(t.task);
		const first = run();
		t.finishNext();
		await first;
		const next = run();
		expect(t.runs()).toBe(2);
		t.finishNext();
		await next;
	});

	it('is free again after a run that failed', async () => {
		let calls = 0;
		const run = coalescedRunner(async () => {
			calls++;
			if (calls === 1) throw new Error('sin conexión');
		});
		await expect(run()).rejects.toThrow('sin conexión');
		await run();
		expect(calls).toBe(2);
	});
});
