import { describe, expect, it } from 'vitest';
import type { EventDoc } from '$lib/schemas';
import { composeNotice } from './compose';

const request = { radicado: 'PG-2026-000045', formTitle: 'Presentar una petición' };
const base = {
	_id: 'evento:6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b:x',
	type: 'evento' as const,
	solicitud: '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
	radicado: request.radicado,
	at: '2026-11-10T15:00:00.000Z',
	by: 'Ana Gobierno'
};

describe('the e-mail that notifies a citizen', () => {
	it('names the radicado and what happened, carries the answer, and never the PIN', () => {
		const event = {
			...base,
			kind: 'respuesta',
			status: 'respondida',
			text: 'Se reparó.'
		} as EventDoc;
		const notice = composeNotice(request, event, 'https://ventanilla.example');
		expect(notice.subject).toBe('Su solicitud PG-2026-000045: Respuesta');
		expect(notice.text).toContain('Se reparó.');
		expect(notice.text).toContain('https://ventanilla.example/seguimiento');
		expect(notice.text).not.toMatch(/\bPIN\b.*\d{6}/);
	});

	it('tells the new term of an extension and the day to complete a request by', () => {
		const extension = { ...base, kind: 'prorroga', dueDate: '2026-12-15', text: 'Visita.' };
		expect(composeNotice(request, extension as EventDoc, undefined).text).toContain(
			'Nuevo plazo para responderle: 15 de diciembre de 2026.'
		);
		const ask = { ...base, kind: 'requerimiento', text: 'Falta la dirección.' };
		const text = composeNotice(request, ask as EventDoc, 'https://ventanilla.example').text;
		expect(text).toContain('10 de diciembre de 2026');
		expect(text).toContain(
			'https://ventanilla.example/seguimiento/completar?radicado=PG-2026-000045'
		);
	});
});
