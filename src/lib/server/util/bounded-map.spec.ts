import { describe, expect, it } from 'vitest';
import { setBounded } from './bounded-map';

describe('setBounded', () => {
	it('never holds more than its bound, however many distinct keys arrive', () => {
		const map = new Map<string, number>();
		for (let i = 0; i < 10_000; i++) setBounded(map, `host-${i}.example`, i, 32);
		expect(map.size).toBe(32);
		expect(map.has('host-9999.example')).toBe(true);
		expect(map.has('host-0.example')).toBe(false);
	});
	it('refreshes a key that is set again, so the oldest other one goes first', () => {
		const map = new Map([
			['a', 1],
			['b', 2]
		]);
		setBounded(map, 'a', 3, 2);
		setBounded(map, 'c', 4, 2);
		expect([...map]).toEqual([
			['a', 3],
			['c', 4]
		]);
	});
});
