import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit';

describe('TokenBuckets', () => {
	it('allows a burst up to the capacity, then refills at the rate', () => {
		const b = new TokenBuckets({ capacity: 50, perMinute: 30 });
		const t = 1_000_000;
		expect(b.take('1.2.3.4', 50, t)).toBe(0);
		expect(b.take('1.2.3.4', 1, t)).toBe(2);
		expect(b.take('1.2.3.4', 1, t + 2_100)).toBe(0);
		expect(b.take('1.2.3.4', 30, t + 2_100)).toBe(60);
		expect(b.take('1.2.3.4', 30, t + 62_100)).toBe(0);
	});

	it('keeps addresses apart and refuses more than a full bucket outright', () => {
		const b = new TokenBuckets({ capacity: 5, perMinute: 5 });
		expect(b.take('a', 5, 0)).toBe(0);
		expect(b.take('b', 5, 0)).toBe(0);
		expect(b.take('a', 1, 0)).toBeGreaterThan(0);
		expect(b.take('c', 6, 0)).toBeGreaterThan(0);
	});

	it('forgets idle addresses when it holds too many', () => {
		const b = new TokenBuckets({ capacity: 2, perMinute: 60, maxKeys: 10 });
		for (let i = 0; i < 10; i++) b.take(`ip${i}`, 1, 0);
		b.take('late', 1, 60_000);
		expect(b.size).toBeLessThanOrEqual(10);
		expect(b.take('late', 1, 60_000)).toBe(0);
	});

	it('tells how long until a token is there without taking it', () => {
		const b = new TokenBuckets({ capacity: 1, perMinute: 1 });
		expect(b.wait('a', 1, 0)).toBe(0);
		expect(b.wait('a', 1, 0)).toBe(0);
		b.take('a', 1, 0);
		expect(b.wait('a', 1, 0)).toBe(60);
		expect(b.wait('a', 1, 60_000)).toBe(0);
	});
});
