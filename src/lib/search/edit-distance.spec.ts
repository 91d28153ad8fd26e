import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance';

describe('boundedEditDistance', () => {
	it('counts one missing, extra, wrong or swapped letter as one mistake', () => {
		expect(boundedEditDistance('licencia', 'licencia', 2)).toBe(0);
		expect(boundedEditDistance('licenca', 'licencia', 2)).toBe(1);
		expect(boundedEditDistance('licenciaa', 'licencia', 2)).toBe(1);
		expect(boundedEditDistance('licensia', 'licencia', 2)).toBe(1);
		expect(boundedEditDistance('predail', 'predial', 2)).toBe(1);
		expect(boundedEditDistance('contruccion', 'construccion', 2)).toBe(1);
	});

	it('adds mistakes up, and says "more than the bound" beyond it', () => {
		expect(boundedEditDistance('inpuesto', 'impuesto', 2)).toBe(1);
		expect(boundedEditDistance('inpueto', 'impuesto', 2)).toBe(2);
		expect(boundedEditDistance('inpueto', 'impuesto', 1)).toBe(2);
		expect(boundedEditDistance('salud', 'hacienda', 2)).toBe(3);
		expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
	});

	it('handles empty words and words longer than any seen before', () => {
		expect(boundedEditDistance('', 'ab', 2)).toBe(2);
		expect(boundedEditDistance('ab', '', 2)).toBe(2);
		const long = 'x'.repeat(300);
		expect(boundedEditDistance(long, `${long}y`, 1)).toBe(1);
		expect(boundedEditDistance('abc', 'abd', 1)).toBe(1);
	});
});
