import { describe, expect, it } from 'vitest';
import { addMonths, isStale, reviewDate, staleByDependencia } from './staleness';

describe('review dates', () => {
	it('adds months, clamping to the end of shorter months', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2027-01-31', 13)).toBe('2028-02-29');
		expect(addMonths('2026-11-15', 12)).toBe('2027-11-15');
		expect(addMonths('2026-03-10', -3)).toBe('2025-12-10');
	});

	it('defaults to twelve months after the last update', () => {
		expect(reviewDate({ updatedAt: '2025-06-01' })).toBe('2026-06-01');
		expect(reviewDate({ updatedAt: '2025-06-01', reviewBy: '2025-07-01' })).toBe('2025-07-01');
	});

	it('is stale only after the review date', () => {
		expect(isStale({ updatedAt: '2025-01-01', reviewBy: '2026-01-10' }, '2026-01-10')).toBe(false);
		expect(isStale({ updatedAt: '2025-01-01', reviewBy: '2026-01-10' }, '2026-01-11')).toBe(true);
		expect(isStale({ updatedAt: '2025-01-10' }, '2026-01-11')).toBe(true);
	});
});

describe('staleness view', () => {
	const item = (slug: string, responsible: string, updatedAt: string, reviewBy?: string) => ({
		slug,
		responsible,
		updatedAt,
		...(reviewBy ? { reviewBy } : {})
	});

	it('groups overdue items by dependencia, most overdue first', () => {
		const groups = staleByDependencia(
			[
				item('a', 'hacienda', '2026-01-01', '2026-05-01'),
				item('b', 'gobierno', '2024-01-01'),
				item('c', 'gobierno', '2026-01-01', '2026-06-01'),
				item('d', 'gobierno', '2026-01-01', '2027-01-01'),
				item('e', 'hacienda', '2026-10-01')
			],
			'2026-11-30'
		);
		expect(groups.map((g) => g.responsible)).toEqual(['gobierno', 'hacienda']);
		expect(groups[0]?.items.map((i) => i.item.slug)).toEqual(['b', 'c']);
		expect(groups[0]?.items[0]).toMatchObject({ reviewDate: '2025-01-01', daysOverdue: 698 });
		expect(groups[1]?.items.map((i) => i.item.slug)).toEqual(['a']);
	});

	it('is empty when everything is on time', () => {
		expect(staleByDependencia([item('a', 'x', '2026-11-01')], '2026-11-30')).toEqual([]);
	});
});
