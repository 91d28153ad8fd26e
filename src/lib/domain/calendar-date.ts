/**
 * Calendar dates (`YYYY-MM-DD`) with no time of day and no time zone.
 *
 * Legal terms count whole days, so the domain works on calendar dates, never on `Date` instants:
 * a `Date` carries a zone-dependent time and drifts across midnight when the host's zone differs
 * from Colombia's. Internally a date is an "epoch day" (days since 1970-01-01) computed with UTC
 * arithmetic only, which has no DST and gives the same answer on every device.
 */
import { DomainInputError } from './errors';

/** A calendar date as `YYYY-MM-DD` (zero-padded, as stored in documents and JSON). */
export type IsoDate = string;

/** A calendar date as numbers; `month` is 1–12, `day` is 1–31. */
export interface CalendarDate {
	readonly year: number;
	readonly month: number;
	readonly day: number;
}

/** Day of the week with Monday = 0, as in ISO 8601 and in the Ley Emiliani rule of DOMAIN §5. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Named weekdays, so callers do not write magic numbers. */
export const WEEKDAY = {
	MONDAY: 0,
	TUESDAY: 1,
	WEDNESDAY: 2,
	THURSDAY: 3,
	FRIDAY: 4,
	SATURDAY: 5,
	SUNDAY: 6
} as const satisfies Record<string, Weekday>;

const MS_PER_DAY = 86_400_000;

/**
 * Colombia's offset from UTC: −5 hours, with no daylight saving time since the "hora Gaviria"
 * of 1992–93, so a fixed offset is exact for every date the portal handles and needs no tz database.
 */
const BOGOTA_OFFSET_MS = -5 * 3_600_000;

/** Four-digit years only: `YYYY-MM-DD` cannot express more, and year 0 is not a calendar year. */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function invalidDate(value: unknown, reason: string): DomainInputError {
	return new DomainInputError(
		'fecha_invalida',
		`Invalid calendar date ${JSON.stringify(value)}: ${reason}`
	);
}

function assertParts(parts: CalendarDate, shown: unknown): void {
	const { year, month, day } = parts;
	if (![year, month, day].every(Number.isInteger)) {
		throw invalidDate(shown, 'year, month and day must be whole numbers');
	}
	if (year < MIN_YEAR || year > MAX_YEAR) {
		throw invalidDate(shown, `year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
	}
	if (month < 1 || month > 12) throw invalidDate(shown, 'month must be 01–12');
	const last = daysInMonth(year, month);
	if (day < 1 || day > last) {
		throw invalidDate(shown, `day must be 01–${last} in ${year}-${pad2(month)}`);
	}
}

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}

/**
 * Parses a strict `YYYY-MM-DD` string into its parts.
 * @throws {DomainInputError} `fecha_invalida` if the text is not in that form or the day does not
 * exist (e.g. `2025-02-29`, `2025-2-1`, `2025-01-01T00:00`).
 * @example parseCalendarDate('2026-04-05') // { year: 2026, month: 4, day: 5 }
 */
export function parseCalendarDate(value: IsoDate): CalendarDate {
	// `unknown` check at runtime: dates arrive from JSON and form posts, not only from typed code.
	const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
	if (!match) throw invalidDate(value, 'expected YYYY-MM-DD');
	const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
	assertParts(parts, value);
	return parts;
}

/**
 * Formats parts as `YYYY-MM-DD`.
 * @throws {DomainInputError} `fecha_invalida` if the parts do not name an existing day.
 */
export function formatCalendarDate(date: CalendarDate): IsoDate {
	assertParts(date, date);
	return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** True if `value` is a string naming an existing day as `YYYY-MM-DD`. Never throws. */
export function isIsoDate(value: unknown): value is IsoDate {
	if (typeof value !== 'string') return false;
	try {
		parseCalendarDate(value);
		return true;
	} catch {
		return false;
	}
}

/**
 * Returns `value` unchanged if it is a valid `YYYY-MM-DD` date; use at boundaries.
 * @param what names the argument in the error message, e.g. `'calendar.closures[2]'`.
 * @throws {DomainInputError} `fecha_invalida`.
 */
export function assertIsoDate(value: unknown, what = 'date'): IsoDate {
	if (typeof value === 'string' && isIsoDate(value)) return value;
	throw new DomainInputError(
		'fecha_invalida',
		`${what} must be an existing date as YYYY-MM-DD, got ${JSON.stringify(value)}`
	);
}

/**
 * Days since 1970-01-01 (negative before it). Exposed so that loops over many days can work on
 * integers and convert back once.
 * @throws {DomainInputError} `fecha_invalida`.
 */
export function toEpochDay(date: IsoDate): number {
	const { year, month, day } = parseCalendarDate(date);
	// setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	return Math.round(d.getTime() / MS_PER_DAY);
}

/**
 * Inverse of {@link toEpochDay}.
 * @throws {DomainInputError} `fecha_invalida` if the day falls outside years 0001–9999.
 */
export function fromEpochDay(epochDay: number): IsoDate {
	if (!Number.isSafeInteger(epochDay)) {
		throw invalidDate(epochDay, 'epoch day must be a whole number');
	}
	const d = new Date(epochDay * MS_PER_DAY);
	// An out-of-range Date is NaN; formatCalendarDate then reports the year range.
	return formatCalendarDate({
		year: d.getUTCFullYear(),
		month: d.getUTCMonth() + 1,
		day: d.getUTCDate()
	});
}

/**
 * Adds (or, with a negative `days`, subtracts) calendar days.
 * @throws {DomainInputError} `fecha_invalida` for a bad date or a result outside 0001–9999;
 * `numero_invalido` if `days` is not a whole number.
 * @example addDays('2025-12-31', 1) // '2026-01-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
	if (!Number.isSafeInteger(days)) {
		throw new DomainInputError('numero_invalido', `days must be a whole number, got ${days}`);
	}
	return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Day of the week, Monday = 0 … Sunday = 6.
 * @throws {DomainInputError} `fecha_invalida`.
 */
export function weekday(date: IsoDate): Weekday {
	// 1970-01-01 was a Thursday (3 with Monday = 0); the double modulo keeps negatives in 0–6.
	return ((((toEpochDay(date) + 3) % 7) + 7) % 7) as Weekday;
}

/**
 * Orders two dates: negative if `a` is earlier, 0 if equal, positive if later (usable with
 * `Array.prototype.sort`).
 * @throws {DomainInputError} `fecha_invalida`.
 */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
	// Validating first matters: '2025-1-10' < '2025-01-02' as strings would silently give nonsense.
	const diff = toEpochDay(a) - toEpochDay(b);
	return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/**
 * Calendar days from `a` to `b` (`b − a`; negative if `b` is earlier).
 * @throws {DomainInputError} `fecha_invalida`.
 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
	return toEpochDay(b) - toEpochDay(a);
}

/**
 * The calendar date in Colombia (America/Bogota, UTC−5) at `instant`. A request received at
 * 23:30 Bogotá time (04:30Z the next day) belongs to the Bogotá date, which is what the law counts.
 * @throws {DomainInputError} `instante_invalido` if `instant` is not a valid `Date`.
 * @example bogotaDate(new Date('2026-03-28T04:30:00Z')) // '2026-03-27'
 */
export function bogotaDate(instant: Date): IsoDate {
	if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
		throw new DomainInputError(
			'instante_invalido',
			`instant must be a valid Date, got ${String(instant)}`
		);
	}
	const local = new Date(instant.getTime() + BOGOTA_OFFSET_MS);
	return formatCalendarDate({
		year: local.getUTCFullYear(),
		month: local.getUTCMonth() + 1,
		day: local.getUTCDate()
	});
}
