/**
 * Easter Sunday in the Gregorian calendar, which anchors five Colombian holidays (DOMAIN §5).
 */
import { formatCalendarDate, type IsoDate } from './calendar-date';
import { DomainInputError } from './errors';

/** The Gregorian computus is only meaningful from 1583, the first full year of that calendar. */
export const FIRST_GREGORIAN_YEAR = 1583;
/** Last year a `YYYY-MM-DD` date can express. */
export const LAST_SUPPORTED_YEAR = 9999;

/**
 * Date of Easter Sunday for `year`, by the anonymous Gregorian algorithm as published by
 * Meeus (Jones 1876, Butcher 1876). Integer arithmetic only, no tables, exact for every year.
 * @throws {DomainInputError} `numero_invalido` if `year` is not a whole number in 1583–9999.
 * @example easterSunday(2026) // '2026-04-05'
 */
export function easterSunday(year: number): IsoDate {
	if (!Number.isInteger(year) || year < FIRST_GREGORIAN_YEAR || year > LAST_SUPPORTED_YEAR) {
		throw new DomainInputError(
			'numero_invalido',
			`year must be a whole number from ${FIRST_GREGORIAN_YEAR} to ${LAST_SUPPORTED_YEAR}, got ${year}`
		);
	}
	// Variable names follow Meeus, "Astronomical Algorithms", ch. 8, so the code can be checked
	// line by line against the book.
	const a = year % 19; // position in the 19-year Metonic cycle
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3); // lunar correction
	const h = (19 * a + b - d - g + 15) % 30; // days from 21 March to the Paschal full moon
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const n = h + l - 7 * m + 114;
	return formatCalendarDate({ year, month: Math.floor(n / 31), day: (n % 31) + 1 });
}
