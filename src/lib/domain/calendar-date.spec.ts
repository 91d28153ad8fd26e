import { describe, expect, it } from 'vitest';
import {
	addDays,
	assertIsoDate,
	bogotaDate,
	compareDates,
	daysBetween,
	formatCalendarDate,
	fromEpochDay,
	isIsoDate,
	parseCalendarDate,
	toEpochDay,
	weekday,
	WEEKDAY
} from './calendar-date';
import { DomainInputError } from './errors';

/** The error thrown by `fn`, so tests can check its class and code, not only its message. */
function errorOf(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected the call to throw');
}

describe('parseCalendarDate / formatCalendarDate', () => {
	it('round-trips a YYYY-MM-DD date through its parts', () => {
		expect(parseCalendarDate('2026-04-05')).toEqual({ year: 2026, month: 4, day: 5 });
		expect(formatCalendarDate({ year: 2026, month: 4, day: 5 })).toBe('2026-04-05');
		expect(formatCalendarDate({ year: 33, month: 1, day: 9 })).toBe('0033-01-09');
	});

	it('accepts 29 February only in leap years, including the 400-year rule', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2000-02-29')).toBe(true);
		expect(isIsoDate('2025-02-29')).toBe(false);
		expect(isIsoDate('1900-02-29')).toBe(false);
	});

	it.each([
		['', 'expected YYYY-MM-DD'],
		['2025-1-01', 'expected YYYY-MM-DD'],
		['2025-01-01T00:00:00Z', 'expected YYYY-MM-DD'],
		[' 2025-01-01', 'expected YYYY-MM-DD'],
		['20250101', 'expected YYYY-MM-DD'],
		['2025-13-01', 'month must be 01–12'],
		['2025-00-10', 'month must be 01–12'],
		['2025-04-31', 'day must be 01–30 in 2025-04'],
		['2025-02-29', 'day must be 01–28 in 2025-02'],
		['0000-01-01', 'year must be between 1 and 9999']
	])('rejects %j with a clear fecha_invalida error (%s)', (input, reason) => {
		const error = errorOf(() => parseCalendarDate(input));
		expect(error).toBeInstanceOf(DomainInputError);
		expect(error).toBeInstanceOf(RangeError);
		expect(error).toMatchObject({ code: 'fecha_invalida' });
		expect((error as Error).message).toContain(reason);
		expect((error as Error).message).toContain(JSON.stringify(input));
	});

	it('rejects values that are not strings at all, as JSON input may contain', () => {
		expect(() => parseCalendarDate(20250101 as unknown as string)).toThrow(DomainInputError);
		expect(() => parseCalendarDate(null as unknown as string)).toThrow(/expected YYYY-MM-DD/);
		expect(isIsoDate(undefined)).toBe(false);
	});

	it('rejects parts that do not name a real day when formatting', () => {
		expect(() => formatCalendarDate({ year: 2025, month: 2, day: 30 })).toThrow(/day must be/);
		expect(() => formatCalendarDate({ year: 2025, month: 1.5, day: 1 })).toThrow(/whole numbers/);
	});

	it('names the offending argument when asserting a date at a boundary', () => {
		expect(assertIsoDate('2026-12-08')).toBe('2026-12-08');
		expect(() => assertIsoDate('08/12/2026', 'calendar.closures[0]')).toThrow(
			'calendar.closures[0] must be an existing date as YYYY-MM-DD, got "08/12/2026"'
		);
	});
});

describe('addDays', () => {
	it('crosses month, year and leap-day boundaries', () => {
		expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
		expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
		expect(addDays('2026-04-05', 71)).toBe('2026-06-15');
	});

	it('subtracts with a negative count and returns the same date for zero', () => {
		expect(addDays('2026-04-05', -3)).toBe('2026-04-02');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
		expect(addDays('2026-01-01', 0)).toBe('2026-01-01');
	});

	it('refuses fractional counts and results beyond year 9999', () => {
		expect(errorOf(() => addDays('2026-01-01', 1.5))).toMatchObject({ code: 'numero_invalido' });
		expect(() => addDays('2026-01-01', Number.NaN)).toThrow(/whole number/);
		expect(errorOf(() => addDays('9999-12-31', 1))).toMatchObject({ code: 'fecha_invalida' });
	});
});

describe('weekday', () => {
	it('numbers days from Monday = 0 to Sunday = 6', () => {
		expect(weekday('2026-03-23')).toBe(WEEKDAY.MONDAY);
		expect(weekday('2026-04-03')).toBe(WEEKDAY.FRIDAY);
		expect(weekday('2025-07-20')).toBe(WEEKDAY.SUNDAY);
		expect(weekday('1970-01-01')).toBe(WEEKDAY.THURSDAY);
	});

	it('is right before 1970, where epoch days are negative', () => {
		expect(weekday('1969-12-29')).toBe(WEEKDAY.MONDAY);
		expect(weekday('1810-07-20')).toBe(WEEKDAY.FRIDAY);
	});
});

describe('compareDates, daysBetween and epoch days', () => {
	it('orders dates and can be used to sort them', () => {
		expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
		expect(compareDates('2026-01-01', '2026-01-01')).toBe(0);
		expect(compareDates('2026-01-02', '2026-01-01')).toBe(1);
		expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareDates)).toEqual([
			'2025-12-31',
			'2026-01-15',
			'2026-03-01'
		]);
	});

	it('refuses to compare malformed dates instead of comparing them as text', () => {
		expect(() => compareDates('2025-1-10', '2025-01-02')).toThrow(DomainInputError);
	});

	it('counts calendar days between dates, negative backwards', () => {
		expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
		expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
		expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
	});

	it('maps dates to days since 1970-01-01 and back', () => {
		expect(toEpochDay('1970-01-01')).toBe(0);
		expect(toEpochDay('1969-12-31')).toBe(-1);
		expect(fromEpochDay(toEpochDay('0001-01-01'))).toBe('0001-01-01');
		expect(fromEpochDay(20_000)).toBe('2024-10-04');
	});
});

describe('bogotaDate', () => {
	it('gives the Bogotá date for a request received at 23:30 Bogotá time (04:30Z next day)', () => {
		expect(bogotaDate(new Date('2026-03-28T04:30:00Z'))).toBe('2026-03-27');
		expect(bogotaDate(new Date('2026-03-27T23:30:00-05:00'))).toBe('2026-03-27');
	});

	it('changes date at midnight Bogotá time, which is 05:00 UTC', () => {
		expect(bogotaDate(new Date('2026-03-28T04:59:59.999Z'))).toBe('2026-03-27');
		expect(bogotaDate(new Date('2026-03-28T05:00:00Z'))).toBe('2026-03-28');
	});

	it('handles New Year and a leap day the same way', () => {
		expect(bogotaDate(new Date('2026-01-01T03:00:00Z'))).toBe('2025-12-31');
		expect(bogotaDate(new Date('2024-03-01T02:00:00Z'))).toBe('2024-02-29');
	});

	it('refuses an invalid Date with instante_invalido', () => {
		expect(errorOf(() => bogotaDate(new Date('not a date')))).toMatchObject({
			code: 'instante_invalido'
		});
		expect(() => bogotaDate('2026-01-01' as unknown as Date)).toThrow(/valid Date/);
	});
});
