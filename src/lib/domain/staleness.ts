/**
 * "Mantener actualizado": when each content item is due for review and which items are past
 * that date, grouped by the dependencia responsible for them (Ley 1712 asks that published
 * information be kept current; the portal makes the overdue items visible to their office).
 */
import {
	compareDates,
	daysBetween,
	formatCalendarDate,
	parseCalendarDate,
	type IsoDate
} from './calendar-date';

/** Months after the last update when an item without its own review date is due. */
export const DEFAULT_REVIEW_MONTHS = 12;

/**
 * Adds calendar months, clamping to the month's last day (2026-01-31 + 1 month = 2026-02-28),
 * so a review date always exists.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
	const { year, month, day } = parseCalendarDate(date);
	const index = year * 12 + (month - 1) + months;
	const y = Math.floor(index / 12);
	const m = (index % 12) + 1;
	const last = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31;
	return formatCalendarDate({ year: y, month: m, day: Math.min(day, last) });
}

function isLeap(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export interface Reviewable {
	updatedAt: IsoDate;
	reviewBy?: IsoDate;
	responsible: string;
}

/** The item's review date: its own, or a year after its last update. */
export function reviewDate(item: Pick<Reviewable, 'updatedAt' | 'reviewBy'>): IsoDate {
	return item.reviewBy ?? addMonths(item.updatedAt, DEFAULT_REVIEW_MONTHS);
}

/** True once the review date has passed (the review date itself is still on time). */
export function isStale(item: Pick<Reviewable, 'updatedAt' | 'reviewBy'>, today: IsoDate): boolean {
	return compareDates(reviewDate(item), today) < 0;
}

export interface StaleItem<T> {
	item: T;
	reviewDate: IsoDate;
	/** Calendar days since the review date. */
	daysOverdue: number;
}

export interface StaleGroup<T> {
	responsible: string;
	items: StaleItem<T>[];
}

/**
 * Items past their review date, grouped by responsible dependencia: the group with the most
 * overdue items first, and inside each group the longest overdue first.
 */
export function staleByDependencia<T extends Reviewable>(
	items: readonly T[],
	today: IsoDate
): StaleGroup<T>[] {
	const groups = new Map<string, StaleItem<T>[]>();
	for (const item of items) {
		if (!isStale(item, today)) continue;
		const due = reviewDate(item);
		const list = groups.get(item.responsible) ?? [];
		list.push({ item, reviewDate: due, daysOverdue: daysBetween(due, today) });
		groups.set(item.responsible, list);
	}
	return [...groups]
		.map(([responsible, list]) => ({
			responsible,
			items: list.sort((a, b) => b.daysOverdue - a.daysOverdue)
		}))
		.sort((a, b) => b.items.length - a.items.length || a.responsible.localeCompare(b.responsible));
}
