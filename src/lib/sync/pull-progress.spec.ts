import { describe, expect, it } from 'vitest';
import { pullPercent, seqNumber, sharePercent } from './pull-progress';

describe('pull progress', () => {
	it('reads the numeric prefix of CouchDB and embedded-store sequences', () => {
		expect(seqNumber(210)).toBe(210);
		expect(
			seqNumber(
				'210-g1AAAAFTeJzLYWBg4MhgTmHgzcvPy09JdcjLz8gvLskBCScyJNX___8_K5EBh6I8FiDJ0ACk_oNUZzAnMuYCBdiTUoySUpJSsOnJAgAGvRtT'
			)
		).toBe(210);
		expect(seqNumber('now')).toBeNull();
		expect(seqNumber(undefined)).toBeNull();
		expect(seqNumber(-3)).toBeNull();
	});

	it('gives the share received, never 100 before the pull has finished', () => {
		expect(pullPercent(84, 210)).toBe(40);
		expect(pullPercent('105-abc', '210-def')).toBe(50);
		expect(pullPercent(210, 210)).toBe(99);
		expect(pullPercent(400, 210)).toBe(99);
		expect(pullPercent(0, 210)).toBe(0);
	});

	it('gives the share of a pack stored the same way, 99 when all is in', () => {
		expect(sharePercent(300, 1200)).toBe(25);
		expect(sharePercent(1200, 1200)).toBe(99);
		expect(sharePercent(0, 0)).toBeNull();
	});

	it('knows nothing when either sequence is missing or the store is empty', () => {
		expect(pullPercent(10, null)).toBeNull();
		expect(pullPercent(undefined, 210)).toBeNull();
		expect(pullPercent(0, 0)).toBeNull();
	});
});
