import { describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR } from './business-days';
import {
	checkCompletionRequest,
	citizenReplyBy,
	completionRequestDeadline,
	completionRulesFor,
	mayDeclareTacitWithdrawal,
	resumedDueDate
} from './completion';
import { foldRequest } from './request-state';
import { semaforo } from './semaforo';
import { outcomeOf } from './statistics';

// Received Tue 2026-11-03 (Nov 16 and Dec 8 are holidays): a petición is due Wed 2026-11-25.
const calendar = NATIONAL_CALENDAR;

describe('asking to complete a request (Ley 1755 art. 17)', () => {
	it('may be done within the 10 días hábiles after receipt, once, while unanswered', () => {
		expect(completionRequestDeadline('2026-11-03', calendar)).toBe('2026-11-18');
		const base = {
			settled: false,
			awaitingCitizen: false,
			receivedDate: '2026-11-03',
			calendar
		};
		expect(checkCompletionRequest({ ...base, today: '2026-11-18' })).toBeNull();
		expect(checkCompletionRequest({ ...base, today: '2026-11-19' })).toBe('fuera_de_plazo');
		expect(checkCompletionRequest({ ...base, today: '2026-11-10', awaitingCitizen: true })).toBe(
			'ya_en_espera'
		);
		expect(checkCompletionRequest({ ...base, today: '2026-11-10', settled: true })).toBe(
			'solicitud_atendida'
		);
	});

	it('gives the citizen one calendar month, shortened to the end of a shorter month', () => {
		expect(citizenReplyBy('2026-11-10')).toBe('2026-12-10');
		expect(citizenReplyBy('2026-01-31')).toBe('2026-02-28');
		expect(citizenReplyBy('2028-01-31')).toBe('2028-02-29');
		expect(citizenReplyBy('2026-12-15')).toBe('2027-01-15');
	});

	it('asks a data reclamo within 5 días hábiles and gives its holder two months (Ley 1581 art. 15)', () => {
		const rules = completionRulesFor('reclamo-datos-personales');
		expect(completionRulesFor('reclamo')).toEqual(completionRulesFor(undefined));
		// Received Tue 2026-11-03; Mon 2026-11-16 is a holiday.
		expect(completionRequestDeadline('2026-11-03', calendar, rules)).toBe('2026-11-10');
		const base = { settled: false, awaitingCitizen: false, receivedDate: '2026-11-03', calendar };
		expect(checkCompletionRequest({ ...base, rules, today: '2026-11-10' })).toBeNull();
		expect(checkCompletionRequest({ ...base, rules, today: '2026-11-11' })).toBe('fuera_de_plazo');
		expect(citizenReplyBy('2026-11-10', rules.replyMonths)).toBe('2027-01-10');
		expect(citizenReplyBy('2026-12-31', rules.replyMonths)).toBe('2027-02-28');
		expect(rules.basis).toMatch(/Ley 1581 de 2012, art\. 15/);
	});

	it('lets the tacit withdrawal be declared only the day after the month ends', () => {
		expect(mayDeclareTacitWithdrawal('2026-12-10', '2026-12-10')).toBe(false);
		expect(mayDeclareTacitWithdrawal('2026-12-10', '2026-12-11')).toBe(true);
	});

	it('resumes the días hábiles left when the term stopped from the day after the answer', () => {
		// Asked Tue Nov 10 with 10 days left (to Nov 25); answered Mon Nov 30: 10 days from Dec 1,
		// skipping the Dec 8 holiday, end Tue Dec 15.
		expect(
			resumedDueDate({
				dueDate: '2026-11-25',
				askedOn: '2026-11-10',
				completedOn: '2026-11-30',
				calendar
			})
		).toBe('2026-12-15');
		// A term already run out when asked gives no days back.
		expect(
			resumedDueDate({
				dueDate: '2026-11-25',
				askedOn: '2026-11-26',
				completedOn: '2026-11-30',
				calendar
			})
		).toBe('2026-11-30');
	});
});

describe('a request waiting for the citizen', () => {
	const base = {
		dependencia: 'secretaria-de-gobierno',
		dueDate: '2026-11-25',
		receivedAt: '2026-11-03T15:00:00Z'
	};
	const asked = { _id: 'a', at: '2026-11-10T15:00:00Z', kind: 'requerimiento' as const };

	it('stands still: the light says so instead of turning red, and the figures do not count it late', () => {
		const state = foldRequest(base, [asked]);
		expect(state.awaitingCitizen).toEqual({ since: asked.at, respondBy: '2026-12-10' });
		expect(semaforo(state, '2026-12-01', calendar)).toEqual({
			light: 'en-espera',
			businessDaysLeft: null
		});
		const outcome = outcomeOf(
			{
				purpose: 'pqrsd',
				type: 'peticion-general',
				receivedAt: base.receivedAt,
				deadline: {
					receivedDate: '2026-11-03',
					dueDate: '2026-11-25',
					businessDays: 15
				},
				events: [asked]
			},
			'2026-12-01',
			calendar
		);
		expect(outcome.overdueOpen).toBe(false);
	});

	it('runs again to the resumed date once the citizen answers', () => {
		const answered = {
			_id: 'b',
			at: '2026-11-30T15:00:00Z',
			kind: 'complemento' as const,
			dueDate: '2026-12-15'
		};
		const state = foldRequest(base, [answered, asked]);
		expect(state.awaitingCitizen).toBeUndefined();
		expect(state.dueDate).toBe('2026-12-15');
		expect(semaforo(state, '2026-12-14', calendar).light).toBe('por-vencer');
	});

	it('is closed by the declared tacit withdrawal, counted with the withdrawn', () => {
		const declared = {
			_id: 'c',
			at: '2026-12-11T15:00:00Z',
			kind: 'desistimiento-tacito' as const
		};
		const state = foldRequest(base, [asked, declared]);
		expect(state).toMatchObject({ status: 'cerrada', tacitWithdrawalAt: declared.at });
		expect(state.awaitingCitizen).toBeUndefined();
		const outcome = outcomeOf(
			{
				purpose: 'pqrsd',
				type: 'peticion-general',
				receivedAt: base.receivedAt,
				deadline: null,
				events: [asked, declared]
			},
			'2026-12-20',
			calendar
		);
		expect(outcome).toMatchObject({ withdrawn: true, status: 'cerrada' });
	});
});
