/**
 * Colombian public holidays ("festivos"), computed from a rule table.
 *
 * The law is data: {@link LEY_51_DE_1983} lists each holiday with its anchor (a fixed day or an
 * offset from Easter) and whether the Ley Emiliani moves it to Monday. A future reform is an edit
 * to that table, or a new table passed as `rules`, not new code (DOMAIN §5).
 */
import {
	addDays,
	formatCalendarDate,
	parseCalendarDate,
	weekday,
	type IsoDate
} from './calendar-date';
import { easterSunday, LAST_SUPPORTED_YEAR } from './easter';
import { DomainInputError } from './errors';

/** Where a holiday's nominal date comes from. */
export type HolidayAnchor =
	| { readonly kind: 'fixed'; readonly month: number; readonly day: number }
	/** Days after (or, if negative, before) Easter Sunday. */
	| { readonly kind: 'easter'; readonly offset: number };

/**
 * `none`: observed on its nominal date, even on a Sunday (20 Jul 2025 gave no weekday off).
 * `next-monday`: observed on the first Monday on or after the nominal date (Ley 51 de 1983 art. 1,
 * num. 2 and 3: moved when it does not fall on a Monday, including when it falls on a Sunday).
 */
export type HolidayShift = 'none' | 'next-monday';

/** One line of a holiday law. */
export interface HolidayRule {
	readonly name: string;
	readonly anchor: HolidayAnchor;
	readonly shift: HolidayShift;
	/** First year the line applies (inclusive); absent means from the rule set's `fromYear`. */
	readonly fromYear?: number;
	/** Last year the line applies (inclusive); absent means still in force. */
	readonly toYear?: number;
}

/** A whole holiday law: its citation, the first year it governs, and its lines. */
export interface HolidayRuleSet {
	readonly basis: string;
	readonly fromYear: number;
	readonly rules: readonly HolidayRule[];
}

/** One celebration that makes up a {@link Holiday}. */
export interface Observance {
	readonly name: string;
	/** The celebration's own date, before any move to Monday. */
	readonly nominal: IsoDate;
}

/** A day off. When two celebrations land on the same Monday they share one entry. */
export interface Holiday {
	/** The day that is not worked. */
	readonly date: IsoDate;
	/** The celebration's name; names joined by " / " when several share the day. */
	readonly name: string;
	/** The earliest nominal date among the day's celebrations. */
	readonly nominal: IsoDate;
	/** Every celebration observed on `date`, by nominal date. */
	readonly observances: readonly Observance[];
}

const fixed = (month: number, day: number): HolidayAnchor => ({ kind: 'fixed', month, day });
const fromEaster = (offset: number): HolidayAnchor => ({ kind: 'easter', offset });

/**
 * Código Sustantivo del Trabajo art. 177 as amended by Ley 51 de 1983 ("Ley Emiliani") art. 1.
 * The three movable Easter feasts are anchored on their liturgical day (Thursday, Thursday, Friday)
 * and shifted, which lands them on Easter +43, +64 and +71 as DOMAIN §5 states.
 */
export const LEY_51_DE_1983: HolidayRuleSet = {
	basis: 'Ley 51 de 1983, art. 1 (Código Sustantivo del Trabajo, art. 177)',
	// Sanctioned on 6 Dec 1983; 1984 is the first full year it governs. Earlier years followed
	// other rules that this table does not model, so they are refused rather than guessed.
	fromYear: 1984,
	rules: [
		{ name: 'Año Nuevo', anchor: fixed(1, 1), shift: 'none' },
		{ name: 'Día de los Reyes Magos', anchor: fixed(1, 6), shift: 'next-monday' },
		{ name: 'Día de San José', anchor: fixed(3, 19), shift: 'next-monday' },
		{ name: 'Jueves Santo', anchor: fromEaster(-3), shift: 'none' },
		{ name: 'Viernes Santo', anchor: fromEaster(-2), shift: 'none' },
		{ name: 'Día del Trabajo', anchor: fixed(5, 1), shift: 'none' },
		{ name: 'Ascensión del Señor', anchor: fromEaster(39), shift: 'next-monday' },
		{ name: 'Corpus Christi', anchor: fromEaster(60), shift: 'next-monday' },
		{ name: 'Sagrado Corazón de Jesús', anchor: fromEaster(68), shift: 'next-monday' },
		{ name: 'San Pedro y San Pablo', anchor: fixed(6, 29), shift: 'next-monday' },
		{ name: 'Día de la Independencia', anchor: fixed(7, 20), shift: 'none' },
		{ name: 'Batalla de Boyacá', anchor: fixed(8, 7), shift: 'none' },
		{ name: 'Asunción de la Virgen', anchor: fixed(8, 15), shift: 'next-monday' },
		{ name: 'Día de la Raza', anchor: fixed(10, 12), shift: 'next-monday' },
		{ name: 'Todos los Santos', anchor: fixed(11, 1), shift: 'next-monday' },
		{ name: 'Independencia de Cartagena', anchor: fixed(11, 11), shift: 'next-monday' },
		{ name: 'Inmaculada Concepción', anchor: fixed(12, 8), shift: 'none' },
		{ name: 'Navidad', anchor: fixed(12, 25), shift: 'none' }
	]
};

interface YearEntry {
	readonly list: readonly Holiday[];
	readonly byDate: ReadonlyMap<IsoDate, Holiday>;
}

// Holidays never change for a given (rule set, year), and business-day loops ask for the same
// year thousands of times; results are frozen so the shared cache cannot be mutated by callers.
const cache = new WeakMap<HolidayRuleSet, Map<number, YearEntry>>();

function assertYear(year: number, rules: HolidayRuleSet): void {
	if (!Number.isInteger(year) || year < rules.fromYear || year > LAST_SUPPORTED_YEAR) {
		throw new DomainInputError(
			'numero_invalido',
			`year must be a whole number from ${rules.fromYear} to ${LAST_SUPPORTED_YEAR} ` +
				`(${rules.basis}), got ${year}`
		);
	}
}

function nominalDate(anchor: HolidayAnchor, year: number): IsoDate {
	return anchor.kind === 'fixed'
		? formatCalendarDate({ year, month: anchor.month, day: anchor.day })
		: addDays(easterSunday(year), anchor.offset);
}

function observedDate(nominal: IsoDate, shift: HolidayShift): IsoDate {
	if (shift === 'none') return nominal;
	// DOMAIN §5: observed = date + ((7 − weekday) mod 7), Monday = 0.
	return addDays(nominal, (7 - weekday(nominal)) % 7);
}

function appliesIn(rule: HolidayRule, year: number): boolean {
	return (rule.fromYear ?? -Infinity) <= year && year <= (rule.toYear ?? Infinity);
}

function computeYear(year: number, rules: HolidayRuleSet): YearEntry {
	const byDate = new Map<IsoDate, Observance[]>();
	// Rules of the previous year are included because a moved holiday could in principle cross
	// New Year (not with the current table); the result is "days off that fall in `year`".
	for (const ruleYear of [year - 1, year]) {
		if (ruleYear < rules.fromYear) continue;
		for (const rule of rules.rules) {
			if (!appliesIn(rule, ruleYear)) continue;
			const nominal = nominalDate(rule.anchor, ruleYear);
			const date = observedDate(nominal, rule.shift);
			if (parseCalendarDate(date).year !== year) continue;
			const list = byDate.get(date) ?? [];
			list.push({ name: rule.name, nominal });
			byDate.set(date, list);
		}
	}
	const list = [...byDate.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([date, observances]): Holiday => {
			// Stable sort keeps table order for celebrations with the same nominal date.
			const sorted = observances
				.sort((x, y) => (x.nominal < y.nominal ? -1 : x.nominal > y.nominal ? 1 : 0))
				.map((o) => Object.freeze({ ...o }));
			const first = sorted[0] as Observance; // every list has at least one entry
			return Object.freeze({
				date,
				name: sorted.map((o) => o.name).join(' / '),
				nominal: first.nominal,
				observances: Object.freeze(sorted)
			});
		});
	return { list: Object.freeze(list), byDate: new Map(list.map((h) => [h.date, h])) };
}

function yearEntry(year: number, rules: HolidayRuleSet): YearEntry {
	assertYear(year, rules);
	let years = cache.get(rules);
	if (!years) {
		years = new Map();
		cache.set(rules, years);
	}
	let entry = years.get(year);
	if (!entry) {
		entry = computeYear(year, rules);
		years.set(year, entry);
	}
	return entry;
}

/**
 * The days off in `year`, sorted by date, one entry per date. Includes holidays that fall on a
 * weekend (e.g. 20 Jul 2025, a Sunday): they are holidays, they just cost no working day.
 * @param rules the holiday law; defaults to {@link LEY_51_DE_1983}. Treat a passed table as
 * immutable: results are cached per table object.
 * @throws {DomainInputError} `numero_invalido` if `year` is not a whole number from the law's
 * first year to 9999.
 * @example colombianHolidays(2025).find((h) => h.date === '2025-06-30')?.name
 * // 'Sagrado Corazón de Jesús / San Pedro y San Pablo'
 */
export function colombianHolidays(
	year: number,
	rules: HolidayRuleSet = LEY_51_DE_1983
): readonly Holiday[] {
	return yearEntry(year, rules).list;
}

/**
 * The holiday observed on `date`, or `undefined` if it is not one.
 * @throws {DomainInputError} `fecha_invalida` for a malformed date; `numero_invalido` for a year
 * the law does not cover.
 */
export function holidayOn(
	date: IsoDate,
	rules: HolidayRuleSet = LEY_51_DE_1983
): Holiday | undefined {
	return yearEntry(parseCalendarDate(date).year, rules).byDate.get(date);
}

/**
 * True if `date` is a public holiday (whatever its weekday).
 * @throws {DomainInputError} as {@link holidayOn}.
 */
export function isHoliday(date: IsoDate, rules: HolidayRuleSet = LEY_51_DE_1983): boolean {
	return holidayOn(date, rules) !== undefined;
}
