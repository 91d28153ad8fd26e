import { describe, expect, it } from 'vitest';
import { weekday, WEEKDAY } from './calendar-date';
import { easterSunday, FIRST_GREGORIAN_YEAR, LAST_SUPPORTED_YEAR } from './easter';

describe('easterSunday', () => {
	it.each([
		[2024, '2024-03-31'],
		[2025, '2025-04-20'],
		[2026, '2026-04-05'],
		[2027, '2027-03-28'],
		[2000, '2000-04-23'],
		[2008, '2008-03-23'],
		[2011, '2011-04-24'],
		[2019, '2019-04-21']
	])('puts Easter %i on %s', (year, expected) => {
		expect(easterSunday(year)).toBe(expected);
	});

	it('reaches the extreme dates of the Gregorian cycle, 22 March and 25 April', () => {
		expect(easterSunday(1818)).toBe('1818-03-22');
		expect(easterSunday(2285)).toBe('2285-03-22');
		expect(easterSunday(1943)).toBe('1943-04-25');
		expect(easterSunday(2038)).toBe('2038-04-25');
	});

	it('always falls on a Sunday between 22 March and 25 April', () => {
		for (let year = FIRST_GREGORIAN_YEAR; year <= LAST_SUPPORTED_YEAR; year++) {
			const date = easterSunday(year);
			const monthDay = date.slice(5);
			if (weekday(date) !== WEEKDAY.SUNDAY || monthDay < '03-22' || monthDay > '04-25') {
				expect.fail(`Easter ${year} computed as ${date}`);
			}
		}
		expect(easterSunday(LAST_SUPPORTED_YEAR)).toMatch(/^9999-0[34]-/);
	});

	it('refuses years outside the Gregorian calendar and fractional years', () => {
		expect(() => easterSunday(1582)).toThrow(/from 1583 to 9999, got 1582/);
		expect(() => easterSunday(10_000)).toThrow(/got 10000/);
		expect(() => easterSunday(2025.5)).toThrow(
			expect.objectContaining({ code: 'numero_invalido' })
		);
	});
});
