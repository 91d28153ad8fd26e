import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date';
import {
	addBusinessDays,
	businessDaysBetween,
	isBusinessDay,
	NATIONAL_CALENDAR,
	nextBusinessDayOnOrAfter,
	type BusinessCalendar
} from './business-days';

const national = NATIONAL_CALENDAR;

describe('isBusinessDay', () => {
	it('counts Monday to Friday and skips Saturday and Sunday', () => {
		expect(isBusinessDay('2026-03-27', national)).toBe(true); // Friday
		expect(isBusinessDay('2026-03-28', national)).toBe(false); // Saturday
		expect(isBusinessDay('2026-03-29', national)).toBe(false); // Sunday
		expect(isBusinessDay('2026-03-30', national)).toBe(true); // Monday
	});

	it('skips national holidays, fixed and moved', () => {
		expect(isBusinessDay('2026-04-02', national)).toBe(false); // Jueves Santo
		expect(isBusinessDay('2026-01-12', national)).toBe(false); // Reyes, moved from Tuesday 6 Jan
		expect(isBusinessDay('2026-01-06', national)).toBe(true); // the nominal day is worked
	});

	it('skips municipal closure days and extra holidays from the calendar', () => {
		const calendar: BusinessCalendar = {
			closures: ['2026-06-10'],
			extraHolidays: ['2026-06-11']
		};
		expect(isBusinessDay('2026-06-10', calendar)).toBe(false);
		expect(isBusinessDay('2026-06-11', calendar)).toBe(false);
		expect(isBusinessDay('2026-06-10', national)).toBe(true);
	});

	it('refuses a calendar with a malformed closure, naming the entry', () => {
		expect(() => isBusinessDay('2026-06-10', { closures: ['2026-06-10', '10/06/2026'] })).toThrow(
			'calendar.closures[1] must be an existing date as YYYY-MM-DD, got "10/06/2026"'
		);
		expect(() =>
			isBusinessDay('2026-06-10', { closures: [], extraHolidays: ['2026-02-30'] })
		).toThrow(/calendar\.extraHolidays\[0\]/);
		expect(() => isBusinessDay('2026-06-10', {} as BusinessCalendar)).toThrow(
			/calendar\.closures must be an array/
		);
	});
});

describe('addBusinessDays', () => {
	it('starts counting the day after the start date', () => {
		expect(addBusinessDays('2026-03-24', 1, national)).toBe('2026-03-25');
		expect(addBusinessDays('2026-03-24', 0, national)).toBe('2026-03-24');
	});

	it('jumps from a Friday over the weekend and a holiday Monday', () => {
		// Friday 9 Jan 2026; Monday 12 Jan is Reyes Magos.
		expect(addBusinessDays('2026-01-09', 1, national)).toBe('2026-01-13');
	});

	it('counts from the next business day when the start date is a holiday', () => {
		// Received on Monday 12 Jan 2026 (holiday): day 1 is Tuesday 13.
		expect(addBusinessDays('2026-01-12', 1, national)).toBe('2026-01-13');
		expect(addBusinessDays('2026-01-12', 10, national)).toBe('2026-01-26');
	});

	it('runs a 15-day term across San José and Semana Santa 2026', () => {
		// From Friday 20 Mar: Mon 23 (San José), Thu 2 and Fri 3 Apr (Semana Santa) are skipped.
		expect(addBusinessDays('2026-03-20', 15, national)).toBe('2026-04-15');
	});

	it('skips municipal closure days', () => {
		const closed: BusinessCalendar = { closures: ['2026-01-13', '2026-01-14'] };
		expect(addBusinessDays('2026-01-12', 10, closed)).toBe('2026-01-28');
		expect(addBusinessDays('2026-01-12', 10, national)).toBe('2026-01-26');
	});

	it('crosses the year-end holidays (30 days from 30 Nov 2026)', () => {
		// Skips 8 Dec, 25 Dec, 1 Jan and Reyes on Monday 11 Jan 2027.
		expect(addBusinessDays('2026-11-30', 30, national)).toBe('2027-01-15');
	});

	it.each([[-1], [1.5], [Number.NaN], [Infinity]])('refuses %s days', (n) => {
		expect(() => addBusinessDays('2026-01-12', n, national)).toThrow(
			expect.objectContaining({
				code: 'numero_invalido',
				message: expect.stringContaining('whole number ≥ 0')
			})
		);
	});

	it('refuses a malformed start date', () => {
		expect(() => addBusinessDays('2026-1-12', 1, national)).toThrow(
			expect.objectContaining({ code: 'fecha_invalida' })
		);
	});
});

describe('businessDaysBetween', () => {
	it('counts business days after the first date up to and including the second', () => {
		expect(businessDaysBetween('2026-03-27', '2026-03-30', national)).toBe(1);
		expect(businessDaysBetween('2026-03-27', '2026-03-27', national)).toBe(0);
		expect(businessDaysBetween('2026-03-20', '2026-04-15', national)).toBe(15);
		expect(businessDaysBetween('2026-03-31', '2026-04-05', national)).toBe(1);
	});

	it('turns negative when the second date is earlier, e.g. for an overdue term', () => {
		expect(businessDaysBetween('2026-04-15', '2026-03-20', national)).toBe(-15);
	});

	it('is the inverse of addBusinessDays for any start date and count', () => {
		const calendar: BusinessCalendar = { closures: ['2026-07-21', '2026-12-24', '2026-12-31'] };
		for (let offset = 0; offset < 400; offset += 3) {
			const start = addDays('2026-01-01', offset);
			for (const n of [0, 1, 5, 10, 15, 30]) {
				const due = addBusinessDays(start, n, calendar);
				expect(businessDaysBetween(start, due, calendar)).toBe(n);
				expect(isBusinessDay(due, calendar) || n === 0).toBe(true);
			}
		}
	});

	it('refuses malformed dates', () => {
		expect(() => businessDaysBetween('2026-04-31', '2026-05-04', national)).toThrow(/2026-04-31/);
	});
});

describe('nextBusinessDayOnOrAfter', () => {
	it('keeps a business day and moves a closed day forward', () => {
		expect(nextBusinessDayOnOrAfter('2026-03-31', national)).toBe('2026-03-31');
		expect(nextBusinessDayOnOrAfter('2026-04-02', national)).toBe('2026-04-06');
	});
});
