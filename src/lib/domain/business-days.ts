/**
 * Business days ("días hábiles") for legal terms.
 *
 * A business day is Monday to Friday, not a public holiday and not a day the municipality closed
 * its offices ("día de vacancia"). Ley 4 de 1913 art. 62 removes "feriados y de vacantes" from
 * every term counted in days, and offices that do not open on Saturday do not count it (DOMAIN §5).
 */
import {
	fromEpochDay,
	assertIsoDate,
	toEpochDay,
	weekday,
	WEEKDAY,
	type IsoDate
} from './calendar-date';
import { DomainInputError } from './errors';
import { isHoliday, LEY_51_DE_1983, type HolidayRuleSet } from './holidays';

/**
 * The municipality's working calendar. Configuration, not law: the closures come from local
 * decrees and change every year, so they are passed in by the caller.
 */
export interface BusinessCalendar {
	/** Days the offices are closed by municipal decree ("días de vacancia"), as `YYYY-MM-DD`. */
	readonly closures: readonly IsoDate[];
	/** Non-working days declared nationally outside the holiday law (e.g. a one-off decree). */
	readonly extraHolidays?: readonly IsoDate[];
	/** Holiday law to apply; defaults to {@link LEY_51_DE_1983}. */
	readonly holidayRules?: HolidayRuleSet;
}

/** A calendar with no municipal closures: national holidays and weekends only. */
export const NATIONAL_CALENDAR: BusinessCalendar = Object.freeze({ closures: Object.freeze([]) });

interface CompiledCalendar {
	readonly closed: ReadonlySet<IsoDate>;
	readonly rules: HolidayRuleSet;
}

function compile(calendar: BusinessCalendar): CompiledCalendar {
	// Checked at runtime: the calendar is configuration loaded from a document, and one bad entry
	// would otherwise be silently ignored (a closure that never closes anything).
	if (typeof calendar !== 'object' || calendar === null || !Array.isArray(calendar.closures)) {
		throw new DomainInputError(
			'fecha_invalida',
			'calendar.closures must be an array of YYYY-MM-DD dates'
		);
	}
	const extra = calendar.extraHolidays ?? [];
	if (!Array.isArray(extra)) {
		throw new DomainInputError(
			'fecha_invalida',
			'calendar.extraHolidays must be an array of YYYY-MM-DD dates'
		);
	}
	const closed = new Set<IsoDate>();
	calendar.closures.forEach((d, i) => closed.add(assertIsoDate(d, `calendar.closures[${i}]`)));
	extra.forEach((d, i) => closed.add(assertIsoDate(d, `calendar.extraHolidays[${i}]`)));
	return { closed, rules: calendar.holidayRules ?? LEY_51_DE_1983 };
}

function isOpen(date: IsoDate, cal: CompiledCalendar): boolean {
	return weekday(date) < WEEKDAY.SATURDAY && !cal.closed.has(date) && !isHoliday(date, cal.rules);
}

function assertCount(n: number): void {
	if (!Number.isSafeInteger(n) || n < 0) {
		throw new DomainInputError(
			'numero_invalido',
			`number of business days must be a whole number ≥ 0, got ${n}`
		);
	}
}

/**
 * True if offices are open on `date`: a weekday that is neither a holiday nor a closure.
 * @throws {DomainInputError} `fecha_invalida` for a malformed date or calendar entry;
 * `numero_invalido` for a year the holiday law does not cover.
 */
export function isBusinessDay(date: IsoDate, calendar: BusinessCalendar): boolean {
	return isOpen(assertIsoDate(date), compile(calendar));
}

/**
 * The date on which a term of `n` business days ends. Counting starts the day AFTER `startDate`
 * (the day of receipt is never counted, DOMAIN §3.1), so the result is the n-th business day
 * after it. With `n = 0` the result is `startDate` itself.
 * @throws {DomainInputError} `numero_invalido` if `n` is negative or not whole; `fecha_invalida`
 * for a malformed date or calendar entry.
 * @example addBusinessDays('2026-03-27', 1, NATIONAL_CALENDAR) // '2026-03-30' (Fri → Mon)
 */
export function addBusinessDays(
	startDate: IsoDate,
	n: number,
	calendar: BusinessCalendar
): IsoDate {
	assertCount(n);
	const cal = compile(calendar);
	let day = toEpochDay(startDate);
	let remaining = n;
	while (remaining > 0) {
		day += 1;
		if (isOpen(fromEpochDay(day), cal)) remaining -= 1;
	}
	return fromEpochDay(day);
}

/**
 * The number of business days after `a` up to and including `b`, i.e. how many days of a term
 * starting on `a` have run by the end of `b`. It is the inverse of {@link addBusinessDays}:
 * `businessDaysBetween(a, addBusinessDays(a, n, c), c) === n`. If `b` is before `a` the result is
 * the negated count from `b` to `a`, so "days left" (`businessDaysBetween(today, due)`) turns
 * negative once a term is overdue.
 * @throws {DomainInputError} `fecha_invalida` for a malformed date or calendar entry.
 */
export function businessDaysBetween(a: IsoDate, b: IsoDate, calendar: BusinessCalendar): number {
	const cal = compile(calendar);
	const from = toEpochDay(a);
	const to = toEpochDay(b);
	const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
	let count = 0;
	for (let day = lo + 1; day <= hi; day += 1) {
		if (isOpen(fromEpochDay(day), cal)) count += 1;
	}
	return sign * count;
}

/**
 * `date` if it is a business day, otherwise the next business day. Used where a term counted in
 * calendar days would end on a day the office is closed.
 * @throws {DomainInputError} `fecha_invalida` for a malformed date or calendar entry.
 */
export function nextBusinessDayOnOrAfter(date: IsoDate, calendar: BusinessCalendar): IsoDate {
	const cal = compile(calendar);
	let day = toEpochDay(date);
	while (!isOpen(fromEpochDay(day), cal)) day += 1;
	return fromEpochDay(day);
}
