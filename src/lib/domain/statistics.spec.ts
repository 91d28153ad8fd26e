import { describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR } from './business-days';
import {
	MIN_CELL,
	NO_VEREDA,
	OTHER_VEREDAS,
	nearestRank,
	outcomeOf,
	requestStatistics,
	veredaKey,
	type StatsRequest
} from './statistics';
import type { RequestEventLike } from './request-state';

// Received Tue 2026-11-03 (10:00 Bogotá); 15 días hábiles end Wed 2026-11-25 (Mon 16 is a
// holiday); double the term ends Thu 2026-12-17.
const deadline = { receivedDate: '2026-11-03', dueDate: '2026-11-25', businessDays: 15 };
const at = (date: string) => `${date}T15:00:00.000Z`;
const answer = (date: string): RequestEventLike => ({
	at: at(date),
	kind: 'respuesta',
	status: 'respondida'
});
const extension = (on: string, dueDate: string): RequestEventLike => ({
	at: at(on),
	kind: 'prorroga',
	dueDate
});

function req(events: RequestEventLike[] = [], over: Partial<StatsRequest> = {}): StatsRequest {
	return {
		purpose: 'pqrsd',
		type: 'peticion-general',
		receivedAt: at('2026-11-03'),
		deadline,
		events,
		...over
	};
}

const TODAY = '2026-11-20';
const outcome = (r: StatsRequest, today = TODAY) => outcomeOf(r, today, NATIONAL_CALENDAR);

describe('nearestRank', () => {
	it('takes the middle value of an odd count as the median', () => {
		expect(nearestRank([9, 1, 5], 0.5)).toBe(5);
	});
	it('takes the lower middle value of an even count as the median', () => {
		expect(nearestRank([4, 1, 3, 2], 0.5)).toBe(2);
	});
	it('takes rank ⌈0.9·n⌉ for p90', () => {
		expect(nearestRank([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9)).toBe(9);
		expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
		expect(nearestRank([7], 0.9)).toBe(7);
	});
	it('has no value for an empty list', () => {
		expect(nearestRank([], 0.5)).toBeNull();
	});
});

describe('outcomeOf', () => {
	it('counts response time in días hábiles, skipping weekends', () => {
		expect(outcome(req([answer('2026-11-13')])).responseDays).toBe(8);
	});
	it('skips a holiday between receipt and answer', () => {
		// Nov 14–15 weekend and Mon Nov 16 (holiday) do not count: Tue 17 is day 9.
		expect(outcome(req([answer('2026-11-17')])).responseDays).toBe(9);
	});
	it('counts an answer on the day of receipt as 0 días hábiles', () => {
		expect(outcome(req([answer('2026-11-03')])).responseDays).toBe(0);
	});
	it('counts an answer on the due date as within term, the next day as late', () => {
		expect(outcome(req([answer('2026-11-25')]), '2026-12-01')).toMatchObject({
			responseDays: 15,
			withinTerm: true
		});
		expect(outcome(req([answer('2026-11-26')]), '2026-12-01')).toMatchObject({
			responseDays: 16,
			withinTerm: false
		});
	});
	it('uses the first answer, not a later one', () => {
		const r = req([answer('2026-12-01'), answer('2026-11-10')]);
		expect(outcome(r, '2026-12-02').responseDays).toBe(5);
	});
	it('applies a valid extension to the term', () => {
		const r = req([extension('2026-11-20', '2026-12-17'), answer('2026-12-10')]);
		expect(outcome(r, '2026-12-20')).toMatchObject({ dueDate: '2026-12-17', withinTerm: true });
	});
	it('ignores an extension notified after the term expired', () => {
		const r = req([extension('2026-11-27', '2026-12-17'), answer('2026-12-10')]);
		expect(outcome(r, '2026-12-20')).toMatchObject({ dueDate: '2026-11-25', withinTerm: false });
	});
	it('ignores an extension beyond double the term', () => {
		const r = req([extension('2026-11-20', '2026-12-18'), answer('2026-12-10')]);
		expect(outcome(r, '2026-12-20').withinTerm).toBe(false);
	});
	it('marks an unanswered request open and overdue only after its due date', () => {
		expect(outcome(req(), '2026-11-25')).toMatchObject({ status: 'radicada', overdueOpen: false });
		expect(outcome(req(), '2026-11-25').withinTerm).toBeUndefined();
		expect(outcome(req(), '2026-11-26')).toMatchObject({ overdueOpen: true, withinTerm: false });
	});
	it('counts requests sent to the competent entity or withdrawn apart: closed, never overdue, not answers', () => {
		const sent = req([
			{ at: '2026-11-05T15:00:00.000Z', kind: 'remision', entity: 'ICBF Regional Putumayo' }
		]);
		expect(outcome(sent, '2027-01-30')).toEqual({
			status: 'cerrada',
			dueDate: deadline.dueDate,
			overdueOpen: false,
			remitted: true,
			withdrawn: false,
			denied: false
		});
		const dropped = req([{ at: '2026-11-05T15:00:00.000Z', kind: 'desistimiento' }]);
		expect(outcome(dropped, '2027-01-30')).toMatchObject({
			status: 'cerrada',
			overdueOpen: false,
			withdrawn: true
		});
		const s = requestStatistics([sent, dropped, req()], '2026-11-20', NATIONAL_CALENDAR, OFFICIAL);
		expect(s.overall).toMatchObject({
			filed: 3,
			open: 1,
			remitted: 1,
			withdrawn: 1,
			answered: 0,
			decided: 0
		});
	});
	it('counts an answer that denies the information as an answer and as "negada"', () => {
		const denied = req([
			{
				at: '2026-11-10T15:00:00.000Z',
				kind: 'respuesta',
				status: 'respondida',
				denial: { scope: 'parcial' }
			}
		]);
		expect(outcome(denied)).toMatchObject({ status: 'respondida', denied: true, withinTerm: true });
		const s = requestStatistics([denied, req()], TODAY, NATIONAL_CALENDAR, OFFICIAL);
		expect(s.overall).toMatchObject({ answered: 1, denied: 1 });
	});
	it('leaves requests without a term out of the on-time judgement', () => {
		const r = req([answer('2026-11-10')], { purpose: 'tramite', type: 'x', deadline: null });
		expect(outcome(r)).toMatchObject({ responseDays: 5, dueDate: null });
		expect(outcome(r).withinTerm).toBeUndefined();
	});
});

/** The municipality's official list of veredas (the `sitio` document's). */
const OFFICIAL = ['La Esperanza', 'El Cedro', 'Vereda El Jardín'];

describe('requestStatistics', () => {
	it('has no times nor share when nothing is answered yet', () => {
		const s = requestStatistics([req(), req()], TODAY, NATIONAL_CALENDAR, OFFICIAL);
		expect(s.overall).toMatchObject({
			filed: 2,
			answered: 0,
			open: 2,
			openOverdue: 0,
			medianDays: null,
			p90Days: null,
			decided: 0,
			withinTermShare: null
		});
	});
	it('is empty for no requests', () => {
		const s = requestStatistics([], TODAY, NATIONAL_CALENDAR, OFFICIAL);
		expect(s.period).toEqual({ from: null, to: null });
		expect(s.byMonth).toEqual([]);
		expect(s.overall.filed).toBe(0);
	});
	it('computes median, p90 and the share over answered and overdue requests', () => {
		const today = '2026-12-01';
		const s = requestStatistics(
			[
				req([answer('2026-11-04')]), // 1
				req([answer('2026-11-13')]), // 8
				req([answer('2026-11-25')]), // 15, on time
				req([answer('2026-11-27')]), // 17, late
				req(), // open, overdue
				req([], { deadline: { ...deadline, dueDate: '2026-12-10' } }) // open, in term
			],
			today,
			NATIONAL_CALENDAR,
			OFFICIAL
		);
		expect(s.overall).toMatchObject({
			filed: 6,
			answered: 4,
			open: 2,
			openOverdue: 1,
			medianDays: 8,
			p90Days: 17,
			decided: 5,
			withinTerm: 3
		});
		expect(s.overall.withinTermShare).toBeCloseTo(0.6);
	});
	it('breaks figures down per type, PQRSD first', () => {
		const s = requestStatistics(
			[
				req([answer('2026-11-04')], { type: 'queja' }),
				req([], { purpose: 'tramite', type: 'impuesto-predial', deadline: null }),
				req([answer('2026-11-06')], { type: 'queja' }),
				req([], { type: 'consulta' })
			],
			TODAY,
			NATIONAL_CALENDAR,
			OFFICIAL
		);
		expect(s.byType.map((t) => [t.purpose, t.type, t.filed, t.medianDays])).toEqual([
			['pqrsd', 'consulta', 1, null],
			['pqrsd', 'queja', 2, 1],
			['tramite', 'impuesto-predial', 1, null]
		]);
	});
	it('counts filings per Bogotá month, with empty months in between', () => {
		const s = requestStatistics(
			[
				// 03:00Z on Dec 1 is still Nov 30 in Bogotá.
				req([], { receivedAt: '2026-12-01T03:00:00.000Z', deadline: null }),
				req([], { receivedAt: '2027-02-10T15:00:00.000Z', deadline: null })
			],
			'2027-02-11',
			NATIONAL_CALENDAR,
			OFFICIAL
		);
		expect(s.byMonth).toEqual([
			{ month: '2026-11', count: 1 },
			{ month: '2026-12', count: 0 },
			{ month: '2027-01', count: 0 },
			{ month: '2027-02', count: 1 }
		]);
		expect(s.period).toEqual({ from: '2026-11-30', to: '2027-02-10' });
	});
	it('names a vereda of the official list only with at least MIN_CELL requests, merging the rest', () => {
		const spellings = ['La Esperanza', 'la esperanza', 'Vereda La Esperanza', 'LA ESPERANZA'];
		const many = Array.from({ length: MIN_CELL }, (_, i) =>
			req([], { vereda: spellings[i % spellings.length] ?? 'La Esperanza' })
		);
		const s = requestStatistics(
			[...many, req([], { vereda: 'El Cedro' }), req([], { vereda: 'Ana María Pérez' }), req([])],
			TODAY,
			NATIONAL_CALENDAR,
			OFFICIAL
		);
		expect(s.byVereda).toEqual([
			{ key: 'la esperanza', label: 'La Esperanza', count: MIN_CELL },
			{ key: OTHER_VEREDAS, label: '', count: 2 },
			{ key: NO_VEREDA, label: '', count: 1 }
		]);
		expect(JSON.stringify(s)).not.toMatch(/Cedro|Ana María/);
	});
	it('never publishes a typed name that is not on the official list, however many requests share it', () => {
		const typed = 'Visite evil.example - Juan Pérez CC 123';
		const s = requestStatistics(
			[
				...Array.from({ length: MIN_CELL * 2 }, () => req([], { vereda: typed })),
				...Array.from({ length: MIN_CELL }, () => req([], { vereda: 'el jardin' }))
			],
			TODAY,
			NATIONAL_CALENDAR,
			OFFICIAL
		);
		expect(s.byVereda).toEqual([
			// Named with the list's spelling, never the applicant's.
			{ key: 'el jardin', label: 'Vereda El Jardín', count: MIN_CELL },
			{ key: OTHER_VEREDAS, label: '', count: MIN_CELL * 2 }
		]);
		expect(JSON.stringify(s)).not.toMatch(/evil|Juan/);
	});
	it('names no vereda at all while the official list is empty', () => {
		const many = Array.from({ length: MIN_CELL }, () => req([], { vereda: 'La Esperanza' }));
		const s = requestStatistics(many, TODAY, NATIONAL_CALENDAR, []);
		expect(s.byVereda).toEqual([{ key: OTHER_VEREDAS, label: '', count: MIN_CELL }]);
	});
	it('groups vereda spellings regardless of case, accents and the word "vereda"', () => {
		expect(veredaKey('  Vereda  El Jardín ')).toBe(veredaKey('el jardin'));
	});
});
