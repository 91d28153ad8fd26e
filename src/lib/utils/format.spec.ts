import { describe, expect, it } from 'vitest';
import { formatShortDateTime } from './format';

describe('formatShortDateTime', () => {
	it('gives day, short month and time in Colombian time, short enough for one status line', () => {
		const text = formatShortDateTime('2026-11-20T20:04:00Z');
		expect(text).toMatch(/^20 nov, 3:04\sp\.\sm\.$/);
		expect(text.length).toBeLessThanOrEqual(22);
	});

	it('returns what it was given when it is not a date', () => {
		expect(formatShortDateTime('ayer')).toBe('ayer');
	});
});
