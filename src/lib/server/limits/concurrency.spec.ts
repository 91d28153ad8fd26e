import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from './concurrency';

describe('ConcurrencyLimit', () => {
	it('gives each key its share and everyone the total, then frees slots as they end', () => {
		const limit = new ConcurrencyLimit(3, 2);
		const a1 = limit.take('a');
		const a2 = limit.take('a');
		expect(limit.take('a')).toBeNull();
		const b1 = limit.take('b');
		expect(limit.take('c')).toBeNull();
		expect([a1, a2, b1].every(Boolean)).toBe(true);
		a1!();
		a1!(); // given back once only
		expect(limit.open).toBe(2);
		expect(limit.take('c')).not.toBeNull();
	});
	it('forgets a key when its last slot ends (memory bounded by the total)', () => {
		const limit = new ConcurrencyLimit(2, 2);
		for (let i = 0; i < 1000; i++) limit.take(`k${i}`)?.();
		expect(limit.open).toBe(0);
		expect(limit.take('x')).not.toBeNull();
		expect(limit.take('y')).not.toBeNull();
	});
});
