import { describe, expect, it } from 'vitest';
import es from '../../../messages/es.json';
import en from '../../../messages/en.json';
import { m } from '$lib/paraglide/messages';

/** A message's text, or every variant of a message that depends on a number (plural). */
const textOf = (message: unknown) =>
	typeof message === 'string' ? message : JSON.stringify(message);
const placeholders = (message: unknown) => (textOf(message).match(/\{\w+\}/g) ?? []).sort();

describe('message catalogues', () => {
	it('have the same keys in Spanish (base) and English', () => {
		expect(Object.keys(en)).toEqual(Object.keys(es));
	});

	it('use the same placeholders in every language', () => {
		for (const [key, message] of Object.entries(es)) {
			expect(placeholders((en as Record<string, unknown>)[key]), key).toEqual(
				placeholders(message)
			);
		}
	});

	it('agree in number with the count they show (no "1 pendientes", no "1 días")', () => {
		const es = { locale: 'es' } as const;
		expect(m.outbox_count_pending({ count: 1 }, es)).toBe('1 pendiente de enviar');
		expect(m.outbox_count_pending({ count: 2 }, es)).toBe('2 pendientes de enviar');
		expect(m.bo_days_left({ days: 1 }, es)).toBe('1 día hábil');
		expect(m.bo_days_left({ days: 0 }, es)).toBe('0 días hábiles');
		expect(m.bo_days_overdue({ days: 1 }, es)).toBe('1 día hábil de retraso');
		expect(m.outbox_due_value({ date: '4 de diciembre', days: 15 }, es)).toBe(
			'4 de diciembre (15 días hábiles)'
		);
		expect(m.bo_days_left({ days: 1 }, { locale: 'en' })).toBe('1 business day');
	});

	it('never end a sentence on a time, whose "a. m." would be followed by a second period', () => {
		const date = '4 de diciembre de 2026, 10:32 a. m.';
		const es = { locale: 'es' } as const;
		const texts = [
			m.withdraw_done({ radicado: 'PG-2026-000001', date }, es),
			m.complete_done({ radicado: 'PG-2026-000001', date }, es),
			m.mail_intro(
				{ radicado: 'PG-2026-000001', form: 'Petición', what: 'una respuesta', date },
				es
			),
			m.bo_notified_sent({ date }, es),
			m.bo_notified_pending({ attempts: 2, date }, es)
		];
		for (const text of texts) expect(text).not.toMatch(/\.\.(?!\.)/);
	});
});
