import { describe, expect, it } from 'vitest';
import { weekday, WEEKDAY } from './calendar-date';
import { easterSunday } from './easter';
import {
	colombianHolidays,
	holidayOn,
	isHoliday,
	LEY_51_DE_1983,
	type HolidayRuleSet
} from './holidays';

const dates = (year: number) => colombianHolidays(year).map((h) => h.date);

describe('colombianHolidays', () => {
	it('matches the published 2025 list (DOMAIN §5 self-check)', () => {
		expect(dates(2025)).toEqual([
			'2025-01-01',
			'2025-01-06',
			'2025-03-24',
			'2025-04-17',
			'2025-04-18',
			'2025-05-01',
			'2025-06-02',
			'2025-06-23',
			'2025-06-30',
			'2025-07-20',
			'2025-08-07',
			'2025-08-18',
			'2025-10-13',
			'2025-11-03',
			'2025-11-17',
			'2025-12-08',
			'2025-12-25'
		]);
	});

	it('matches the published 2026 list (DOMAIN §5 self-check)', () => {
		expect(dates(2026)).toEqual([
			'2026-01-01',
			'2026-01-12',
			'2026-03-23',
			'2026-04-02',
			'2026-04-03',
			'2026-05-01',
			'2026-05-18',
			'2026-06-08',
			'2026-06-15',
			'2026-06-29',
			'2026-07-20',
			'2026-08-07',
			'2026-08-17',
			'2026-10-12',
			'2026-11-02',
			'2026-11-16',
			'2026-12-08',
			'2026-12-25'
		]);
	});

	it('keeps one entry for two holidays on the same Monday, naming both (30 Jun 2025)', () => {
		const day = colombianHolidays(2025).filter((h) => h.date === '2025-06-30');
		expect(day).toEqual([
			{
				date: '2025-06-30',
				name: 'Sagrado Corazón de Jesús / San Pedro y San Pablo',
				nominal: '2025-06-27',
				observances: [
					{ name: 'Sagrado Corazón de Jesús', nominal: '2025-06-27' },
					{ name: 'San Pedro y San Pablo', nominal: '2025-06-29' }
				]
			}
		]);
	});

	it('does not move fixed holidays that fall on a Sunday (20 Jul 2025)', () => {
		expect(holidayOn('2025-07-20')).toMatchObject({
			name: 'Día de la Independencia',
			nominal: '2025-07-20'
		});
		expect(weekday('2025-07-20')).toBe(WEEKDAY.SUNDAY);
		expect(isHoliday('2025-07-21')).toBe(false);
	});

	it('moves Emiliani holidays to the next Monday and records the nominal date', () => {
		expect(holidayOn('2026-01-12')).toMatchObject({
			name: 'Día de los Reyes Magos',
			nominal: '2026-01-06'
		});
		// A Sunday nominal date moves to the next day (Todos los Santos, 1 Nov 2026).
		expect(holidayOn('2026-11-02')).toMatchObject({ nominal: '2026-11-01' });
		// Already a Monday: stays (San Pedro y San Pablo, 29 Jun 2026).
		expect(holidayOn('2026-06-29')).toMatchObject({ nominal: '2026-06-29' });
	});

	it('puts Ascensión, Corpus Christi and Sagrado Corazón on Easter +43, +64 and +71', () => {
		for (const year of [2024, 2025, 2026, 2027, 2038, 2285]) {
			const easter = easterSunday(year);
			const byName = new Map(
				colombianHolidays(year).flatMap((h) => h.observances.map((o) => [o.name, h.date]))
			);
			const offset = (name: string) =>
				(Date.parse(byName.get(name) ?? '') - Date.parse(easter)) / 86_400_000;
			expect([
				offset('Ascensión del Señor'),
				offset('Corpus Christi'),
				offset('Sagrado Corazón de Jesús')
			]).toEqual([43, 64, 71]);
		}
	});

	it('observes every moved holiday on a Monday and returns each year sorted without repeats', () => {
		for (let year = 1984; year <= 2100; year++) {
			const list = colombianHolidays(year);
			const ds = list.map((h) => h.date);
			expect(ds).toEqual([...new Set(ds)].sort());
			expect(list.flatMap((h) => h.observances)).toHaveLength(LEY_51_DE_1983.rules.length);
			for (const h of list) {
				if (h.date !== h.nominal) expect(weekday(h.date)).toBe(WEEKDAY.MONDAY);
			}
		}
	});

	it('returns frozen results, so the shared cache cannot be altered by a caller', () => {
		const list = colombianHolidays(2026);
		expect(Object.isFrozen(list)).toBe(true);
		expect(Object.isFrozen(list[0])).toBe(true);
		expect(colombianHolidays(2026)).toBe(list);
	});

	it('treats the law as data: a different rule table changes the result without code', () => {
		const reform: HolidayRuleSet = {
			basis: 'hypothetical reform',
			fromYear: 2030,
			rules: [
				...LEY_51_DE_1983.rules.filter((r) => r.name !== 'Día de San José'),
				{ name: 'Día nuevo', anchor: { kind: 'fixed', month: 9, day: 9 }, shift: 'none' },
				{
					name: 'Sólo hasta 2030',
					anchor: { kind: 'fixed', month: 2, day: 2 },
					shift: 'next-monday',
					toYear: 2030
				}
			]
		};
		expect(isHoliday('2031-03-24', LEY_51_DE_1983)).toBe(true);
		expect(isHoliday('2031-03-24', reform)).toBe(false);
		expect(holidayOn('2031-09-09', reform)?.name).toBe('Día nuevo');
		expect(isHoliday('2030-02-04', reform)).toBe(true);
		expect(isHoliday('2031-02-03', reform)).toBe(false);
	});

	it('refuses years before the law and malformed years or dates', () => {
		expect(() => colombianHolidays(1983)).toThrow(/from 1984 to 9999.*Ley 51 de 1983.*got 1983/);
		expect(() => colombianHolidays(2025.5)).toThrow(
			expect.objectContaining({ code: 'numero_invalido' })
		);
		expect(() => isHoliday('2025-13-01')).toThrow(
			expect.objectContaining({ code: 'fecha_invalida' })
		);
	});
});
