import { describe, expect, it } from 'vitest';
import { checkLetterStep } from './letter-delivery';

const dates = { actionDate: '2026-12-01', today: '2026-12-04' };

describe('checkLetterStep', () => {
	it('prints a letter not yet handed over, again and again', () => {
		expect(checkLetterStep('pendiente', 'impresa', dates)).toEqual({ ok: true, state: 'impresa' });
		expect(checkLetterStep('impresa', 'impresa', dates)).toEqual({ ok: true, state: 'impresa' });
	});

	it('records the hand-over on a day between the action and today, printed or not', () => {
		for (const deliveredOn of ['2026-12-01', '2026-12-03', '2026-12-04']) {
			expect(checkLetterStep('impresa', 'entregada', { ...dates, deliveredOn })).toEqual({
				ok: true,
				state: 'entregada'
			});
		}
		expect(checkLetterStep('pendiente', 'entregada', dates)).toEqual({
			ok: true,
			state: 'entregada'
		});
	});

	it('refuses a hand-over before the action or in the future', () => {
		for (const deliveredOn of ['2026-11-30', '2026-12-05']) {
			expect(checkLetterStep('impresa', 'entregada', { ...dates, deliveredOn })).toEqual({
				ok: false,
				refusal: 'fecha_fuera_de_rango'
			});
		}
	});

	it('never rewrites a letter handed over', () => {
		for (const step of ['impresa', 'entregada'] as const) {
			expect(checkLetterStep('entregada', step, dates)).toEqual({
				ok: false,
				refusal: 'ya_entregada'
			});
		}
	});
});
