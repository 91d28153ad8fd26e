import { describe, expect, it } from 'vitest';
import { Turns } from './turns';

/** Lets pending promise callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Turns', () => {
	it('gives `inFlight` turns at once and the next ones in arrival order as turns end', async () => {
		const turns = new Turns(2, 10);
		const started: number[] = [];
		const releases: Array<() => void> = [];
		for (const n of [1, 2, 3, 4, 5]) {
			void turns.take().then((release) => {
				started.push(n);
				releases.push(release!);
			});
		}
		await settle();
		expect(started).toEqual([1, 2]);
		expect(turns.queued).toBe(3);
		releases[0]!();
		releases[0]!(); // given back once only
		await settle();
		expect(started).toEqual([1, 2, 3]);
		releases[1]!();
		releases[2]!();
		await settle();
		expect(started).toEqual([1, 2, 3, 4, 5]);
		expect(turns.open).toBe(2);
	});

	it('answers null at once when the line is full, and keeps everyone already in it', async () => {
		const turns = new Turns(1, 1);
		const first = await turns.take();
		const second = turns.take();
		expect(await turns.take()).toBeNull();
		first!();
		expect(await second).toBeInstanceOf(Function);
	});

	it('lets a caller whose signal aborts leave the line; the next one gets the turn', async () => {
		const turns = new Turns(1, 5);
		const first = await turns.take();
		const gone = new AbortController();
		const abandoned = turns.take(gone.signal);
		const third = turns.take();
		gone.abort();
		expect(await abandoned).toBeNull();
		expect(turns.queued).toBe(1);
		first!();
		expect(await third).toBeInstanceOf(Function);
		expect(turns.open).toBe(1);
		expect(await turns.take(AbortSignal.abort())).toBeNull();
	});
});
