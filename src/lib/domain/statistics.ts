/**
 * Anonymised statistics of filed requests (PQRSD and trámites) for the transparency report
 * (Ley 1712 art. 11 lit. h, Res. MinTIC 1519 §4.10) and the open-data file. Pure: the server
 * hands in what it read from the store, so the same figures can be checked by unit tests.
 *
 * What comes out is counts and durations only: no names, document numbers, radicados, ids or
 * free text. The one value that comes from what a person typed, the vereda, is only shown when
 * at least {@link MIN_CELL} requests share it (see there).
 *
 * Methods, as the open-data page documents them:
 * - Response time: días hábiles from the Bogotá date of receipt to the Bogotá date of the first
 *   answer, counted like the legal term (`businessDaysBetween`: the day of receipt is not
 *   counted; an answer the same day is 0; weekends, Colombian holidays and the municipality's
 *   closure days are skipped).
 * - Median and p90 by the nearest-rank method: the value at rank ⌈p·n⌉ of the sorted times. It
 *   is always a time some request really took (a whole number of days), and for an even count
 *   the median is the lower of the two middle values.
 * - Within term: answered on or before the due date in force. An extension counts only if it is
 *   valid (notified before the original term expired, to a business day no later than double
 *   the term, once, before the answer; `checkExtension`); otherwise the original date applies.
 * - Sent to the competent entity (Ley 1755 art. 21, "trasladadas" in the report): counted apart,
 *   closed for the Alcaldía and never overdue; not an answer, so neither in the times nor in
 *   the share. The same for requests the citizen withdrew (Ley 1755 art. 18), counted as
 *   "desistidas". An answer that denies the information (in whole or in part, citing the norm)
 *   is an answer and also counts as "negada".
 * - Share within term: answered within term ÷ requests whose outcome is known, i.e. answered
 *   requests with a term plus open requests whose term has already expired (those can no longer
 *   be on time). Open requests still in term are left out: their outcome is not known yet.
 */
import { bogotaDate, compareDates, type IsoDate } from './calendar-date';
import { businessDaysBetween, type BusinessCalendar } from './business-days';
import { checkExtension } from './prorroga';
import type { FiledTerm } from './deadlines';
import { isSettled, sortEvents, type RequestEventLike } from './request-state';
import { type RequestStatus } from '../schemas/vocab';

/**
 * Smallest number of requests a vereda must have in the period to be named. Below it the count
 * goes to "Otras veredas": in a rural municipality a vereda with one or two requests can point
 * to the family that filed them. Five is the threshold statistical offices commonly use for
 * frequency tables. Only veredas of the official list are ever named, with the list's spelling:
 * the vereda is typed by the applicant, so anything else could be a name or an advertisement.
 */
export const MIN_CELL = 5;

/** Key of the row that gathers the veredas below {@link MIN_CELL} or not on the official list. */
export const OTHER_VEREDAS = 'otras-veredas';
/** Key of requests filed without a vereda (anonymous ones, or the applicant left it blank). */
export const NO_VEREDA = 'sin-vereda';

/** What the statistics read of one filed request. */
export interface StatsRequest {
	purpose: 'pqrsd' | 'tramite';
	/** PQRSD type or trámite slug. */
	type: string;
	/** When the server received it (the legal term runs from its Bogotá date). */
	receivedAt: string;
	/** The legal term as filed; null for trámites without a term in days. */
	deadline: FiledTerm | null;
	vereda?: string;
	/** Its events (any order); only status, answers and extensions matter here. */
	events: readonly RequestEventLike[];
}

export interface GroupStats {
	filed: number;
	answered: number;
	/** Not answered nor closed. */
	open: number;
	/** Open and past the due date in force. */
	openOverdue: number;
	/** Sent to the competent entity (Ley 1755 art. 21). */
	remitted: number;
	/** Withdrawn by the citizen (Ley 1755 art. 18). */
	withdrawn: number;
	/** Answered with the information denied, in whole or in part (Ley 1712 art. 18–19). */
	denied: number;
	/** Nearest-rank median of response times in días hábiles; null with no answers. */
	medianDays: number | null;
	p90Days: number | null;
	/** Requests whose on-time outcome is known (the share's denominator). */
	decided: number;
	withinTerm: number;
	/** withinTerm ÷ decided, 0–1; null when nothing is decided yet. */
	withinTermShare: number | null;
}

export interface TypeStats extends GroupStats {
	purpose: 'pqrsd' | 'tramite';
	type: string;
}

export interface VeredaCount {
	/** Normalised key (lower case, no accents), or {@link OTHER_VEREDAS} / {@link NO_VEREDA}. */
	key: string;
	/** The spelling most requests used; empty for the two special keys. */
	label: string;
	count: number;
}

export interface RequestStatistics {
	/** Bogotá dates of the first and last filing; null when nothing was filed. */
	period: { from: IsoDate | null; to: IsoDate | null };
	/** The day "overdue" was judged on. */
	today: IsoDate;
	minCell: number;
	overall: GroupStats;
	byType: TypeStats[];
	/** `YYYY-MM` (Bogotá) → requests filed, every month of the period (zeros included). */
	byMonth: Array<{ month: string; count: number }>;
	byVereda: VeredaCount[];
}

/**
 * The value at nearest rank ⌈p·n⌉ (1-based) of `values`; null for an empty list.
 * @param p a fraction in (0, 1], e.g. 0.5 for the median, 0.9 for p90.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
	if (!values.length) return null;
	if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.ceil(p * sorted.length) - 1] ?? null;
}

/** The Bogotá calendar date a request was received on (the start of its term). */
export function receivedDateOf(r: Pick<StatsRequest, 'receivedAt' | 'deadline'>): IsoDate {
	return r.deadline?.receivedDate ?? bogotaDate(new Date(r.receivedAt));
}

/** What one request contributes to the figures. */
export interface RequestOutcome {
	status: RequestStatus;
	/** Días hábiles to the first answer; undefined while unanswered. */
	responseDays?: number;
	/** Due date in force: the valid extension's, else the original; null without a term. */
	dueDate: IsoDate | null;
	/** true/false once known; undefined while open and still in term, or without a term. */
	withinTerm?: boolean;
	overdueOpen: boolean;
	/** Sent to the competent entity instead of answered here. */
	remitted: boolean;
	/** Withdrawn by the citizen before an answer. */
	withdrawn: boolean;
	/** An answer denied the information (in whole or in part). */
	denied: boolean;
}

/** Folds one request's events into its outcome as of `today`. */
export function outcomeOf(
	r: StatsRequest,
	today: IsoDate,
	calendar: BusinessCalendar
): RequestOutcome {
	const received = receivedDateOf(r);
	let status: RequestStatus = 'radicada';
	let answeredAt: string | undefined;
	let dueDate = r.deadline?.dueDate ?? null;
	let extended = false;
	let remitted = false;
	let withdrawn = false;
	let denied = false;
	/** Asked to complete (Ley 1755 art. 17) and not answered yet: the term stands still. */
	let awaiting = false;
	for (const e of sortEvents(r.events)) {
		if (e.kind === 'estado') status = e.status;
		else if (e.kind === 'remision') {
			status = 'cerrada';
			remitted = true;
		} else if (e.kind === 'desistimiento' || e.kind === 'desistimiento-tacito') {
			// Express (art. 18) or tacit (art. 17): either way the citizen's petition lapsed.
			status = 'cerrada';
			withdrawn = true;
			awaiting = false;
		} else if (e.kind === 'requerimiento') {
			awaiting = true;
		} else if (e.kind === 'complemento') {
			if (awaiting && e.dueDate) dueDate = e.dueDate;
			awaiting = false;
		} else if (e.kind === 'respuesta') {
			status = e.status;
			answeredAt ??= e.at;
			if (e.denial) denied = true;
		} else if ((e.kind === 'asignacion' || e.kind === 'traslado') && status === 'radicada') {
			status = 'en-tramite';
		} else if (e.kind === 'prorroga' && r.deadline) {
			const valid = checkExtension({
				deadline: r.deadline,
				extended,
				settled: answeredAt !== undefined,
				today: bogotaDate(new Date(e.at)),
				newDueDate: e.dueDate,
				calendar
			}).ok;
			if (valid) {
				dueDate = e.dueDate;
				extended = true;
			}
		}
	}
	const out: RequestOutcome = {
		status,
		dueDate,
		overdueOpen: false,
		remitted,
		withdrawn,
		denied
	};
	if (answeredAt) {
		const answeredOn = bogotaDate(new Date(answeredAt));
		out.responseDays = Math.max(0, businessDaysBetween(received, answeredOn, calendar));
		if (dueDate) out.withinTerm = compareDates(answeredOn, dueDate) <= 0;
	} else if (!isSettled(status) && !awaiting && dueDate && compareDates(today, dueDate) > 0) {
		out.overdueOpen = true;
		out.withinTerm = false;
	}
	return out;
}

function group(outcomes: readonly RequestOutcome[]): GroupStats {
	const times = outcomes.flatMap((o) => (o.responseDays === undefined ? [] : [o.responseDays]));
	const decided = outcomes.filter((o) => o.withinTerm !== undefined).length;
	const withinTerm = outcomes.filter((o) => o.withinTerm === true).length;
	return {
		filed: outcomes.length,
		answered: times.length,
		open: outcomes.filter((o) => !isSettled(o.status)).length,
		openOverdue: outcomes.filter((o) => o.overdueOpen).length,
		remitted: outcomes.filter((o) => o.remitted).length,
		withdrawn: outcomes.filter((o) => o.withdrawn).length,
		denied: outcomes.filter((o) => o.denied).length,
		medianDays: nearestRank(times, 0.5),
		p90Days: nearestRank(times, 0.9),
		decided,
		withinTerm,
		withinTermShare: decided ? withinTerm / decided : null
	};
}

/** Grouping key of a vereda as people type it: case, accents, spacing and "vereda" ignored. */
export function veredaKey(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9ñ]+/g, ' ')
		.trim()
		.replace(/^vereda\s+/, '');
}

function monthsBetween(from: string, to: string): string[] {
	const out: string[] = [];
	let [y, mo] = from.split('-').map(Number) as [number, number];
	const [ty, tm] = to.split('-').map(Number) as [number, number];
	while (y < ty || (y === ty && mo <= tm)) {
		out.push(`${y}-${String(mo).padStart(2, '0')}`);
		mo += 1;
		if (mo > 12) [y, mo] = [y + 1, 1];
	}
	return out;
}

function veredas(
	requests: readonly StatsRequest[],
	officialVeredas: readonly string[]
): VeredaCount[] {
	const official = new Map(
		officialVeredas.map((name) => [veredaKey(name), name.trim().replace(/\s+/g, ' ')])
	);
	const counts = new Map<string, number>();
	let none = 0;
	let others = 0;
	for (const r of requests) {
		const key = r.vereda ? veredaKey(r.vereda) : '';
		if (!key) none += 1;
		else if (!official.has(key)) others += 1;
		else counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const shown: VeredaCount[] = [];
	for (const [key, count] of counts) {
		if (count < MIN_CELL) others += count;
		else shown.push({ key, label: official.get(key)!, count });
	}
	shown.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
	if (others) shown.push({ key: OTHER_VEREDAS, label: '', count: others });
	if (none) shown.push({ key: NO_VEREDA, label: '', count: none });
	return shown;
}

/**
 * The statistics of `requests` as of `today` (Bogotá date); veredas named only from
 * `officialVeredas` (the `sitio` document's list).
 * @throws {DomainInputError} for malformed dates in the requests or the calendar.
 */
export function requestStatistics(
	requests: readonly StatsRequest[],
	today: IsoDate,
	calendar: BusinessCalendar,
	officialVeredas: readonly string[]
): RequestStatistics {
	const outcomes = requests.map((r) => outcomeOf(r, today, calendar));
	const dates = requests.map(receivedDateOf).sort();
	const from = dates[0] ?? null;
	const to = dates.at(-1) ?? null;

	const types = new Map<
		string,
		{ purpose: StatsRequest['purpose']; type: string; idx: number[] }
	>();
	requests.forEach((r, i) => {
		const k = `${r.purpose}:${r.type}`;
		const t = types.get(k) ?? { purpose: r.purpose, type: r.type, idx: [] };
		t.idx.push(i);
		types.set(k, t);
	});
	const byType = [...types.values()]
		.map((t) => ({ purpose: t.purpose, type: t.type, ...group(t.idx.map((i) => outcomes[i]!)) }))
		.sort((a, b) =>
			a.purpose !== b.purpose ? (a.purpose === 'pqrsd' ? -1 : 1) : a.type < b.type ? -1 : 1
		);

	const perMonth = new Map<string, number>();
	for (const d of dates) perMonth.set(d.slice(0, 7), (perMonth.get(d.slice(0, 7)) ?? 0) + 1);
	const byMonth =
		from && to
			? monthsBetween(from.slice(0, 7), to.slice(0, 7)).map((month) => ({
					month,
					count: perMonth.get(month) ?? 0
				}))
			: [];

	return {
		period: { from, to },
		today,
		minCell: MIN_CELL,
		overall: group(outcomes),
		byType,
		byMonth,
		byVereda: veredas(requests, officialVeredas)
	};
}
