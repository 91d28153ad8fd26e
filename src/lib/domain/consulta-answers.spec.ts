import { describe, expect, it } from 'vitest';
import { consultaQuestionSchema, type ConsultaQuestion } from '$lib/schemas';
import {
	answerKey,
	answersFromForm,
	answerValidator,
	consultaState,
	DEFAULT_TEXT_MAX
} from './consulta-answers';

const q = (x: Record<string, unknown>): ConsultaQuestion => consultaQuestionSchema.parse(x);
const QUESTIONS = [
	q({
		id: 'prioridad',
		kind: 'unica',
		label: 'Prioridad',
		required: true,
		options: [
			{ value: 'vias', label: 'Vías' },
			{ value: 'senal', label: 'Señal' }
		]
	}),
	q({
		id: 'temas',
		kind: 'multiple',
		label: 'Temas',
		options: [
			{ value: 'a', label: 'A' },
			{ value: 'b', label: 'B' },
			{ value: 'c', label: 'C' }
		]
	}),
	q({ id: 'estado', kind: 'escala', label: 'Estado', required: true }),
	q({ id: 'senal', kind: 'si-no', label: '¿Señal?' }),
	q({ id: 'tramo', kind: 'texto', label: 'Tramo', maxLength: 20 })
];
const validate = answerValidator(QUESTIONS);

describe('answerValidator', () => {
	it('accepts a full answer and normalises it (trimmed text, choices in the consulta order)', () => {
		expect(
			validate({ prioridad: 'vias', temas: ['c', 'a'], estado: 4, senal: false, tramo: '  km 3 ' })
		).toEqual({
			ok: true,
			answers: { prioridad: 'vias', temas: ['a', 'c'], estado: 4, senal: false, tramo: 'km 3' }
		});
	});

	it('leaves unanswered optional questions out', () => {
		expect(validate({ prioridad: 'senal', estado: 1, temas: [], tramo: '   ' })).toEqual({
			ok: true,
			answers: { prioridad: 'senal', estado: 1 }
		});
	});

	it('names every problem by question with a code', () => {
		const r = validate({ prioridad: 'otra', temas: ['a', 'a'], estado: 6, senal: 'si', extra: 1 });
		expect(r).toEqual({
			ok: false,
			errors: {
				prioridad: 'opcion_invalida',
				temas: 'opcion_invalida',
				estado: 'fuera_de_escala',
				senal: 'tipo_invalido',
				extra: 'pregunta_desconocida'
			}
		});
	});

	it('requires the required questions', () => {
		expect(validate({})).toEqual({
			ok: false,
			errors: { prioridad: 'falta_respuesta', estado: 'falta_respuesta' }
		});
	});

	it('refuses wrong types, fractional scales, long and control-character texts', () => {
		const base = { prioridad: 'vias', estado: 3 };
		expect(validate({ ...base, estado: 2.5 })).toMatchObject({
			errors: { estado: 'tipo_invalido' }
		});
		expect(validate({ ...base, estado: '3' })).toMatchObject({
			errors: { estado: 'tipo_invalido' }
		});
		expect(validate({ ...base, temas: 'a' })).toMatchObject({ errors: { temas: 'tipo_invalido' } });
		expect(validate({ ...base, tramo: 'x'.repeat(21) })).toMatchObject({
			errors: { tramo: 'demasiado_largo' }
		});
		expect(validate({ ...base, tramo: 'a\u0000b' })).toMatchObject({
			errors: { tramo: 'caracteres_no_permitidos' }
		});
		expect(validate({ ...base, tramo: 7 })).toMatchObject({ errors: { tramo: 'tipo_invalido' } });
		expect(validate(['vias'])).toEqual({ ok: false, errors: { _: 'tipo_invalido' } });
		expect(validate(null)).toEqual({ ok: false, errors: { _: 'tipo_invalido' } });
	});

	it('counts text length in characters, with a default limit when the question sets none', () => {
		const v = answerValidator([q({ id: 't', kind: 'texto', label: 'T' })]);
		expect(v({ t: '🌧'.repeat(DEFAULT_TEXT_MAX) })).toMatchObject({ ok: true });
		expect(v({ t: 'x'.repeat(DEFAULT_TEXT_MAX + 1) })).toMatchObject({ ok: false });
	});
});

describe('answersFromForm', () => {
	it('reads q_<id> fields, repeated for multiple, numbers and sí/no from text', () => {
		const form = new Map<string, string[]>([
			['q_prioridad', ['vias']],
			['q_temas', ['a', 'b']],
			['q_estado', ['5']],
			['q_senal', ['si']],
			['q_tramo', ['']]
		]);
		const raw = answersFromForm(QUESTIONS, (n) => form.get(n) ?? []);
		expect(raw).toEqual({ prioridad: 'vias', temas: ['a', 'b'], estado: 5, senal: true });
		expect(validate(raw)).toMatchObject({ ok: true });
	});

	it('keeps garbage as it came so the validator refuses it', () => {
		const raw = answersFromForm(QUESTIONS, (n) => (n === 'q_estado' ? ['cinco'] : []));
		expect(validate(raw)).toMatchObject({ errors: { estado: 'tipo_invalido' } });
	});
});

describe('consultaState', () => {
	const c = { opensAt: '2026-11-15', closesAt: '2026-12-20' };
	it('is upcoming before the opening day, open on both end days, closed after', () => {
		expect(consultaState(c, '2026-11-14')).toBe('proxima');
		expect(consultaState(c, '2026-11-15')).toBe('abierta');
		expect(consultaState(c, '2026-12-20')).toBe('abierta');
		expect(consultaState(c, '2026-12-21')).toBe('cerrada');
	});
});

describe('answerKey (one answer per device)', () => {
	const base = { consulta: 'vias', deviceHash: 'ab12', clientId: 'id-1' };
	it('is the same for every answer of one device when the consulta allows one', () => {
		const first = answerKey({ ...base, allowMultiple: false });
		expect(first).toBe('respuesta:vias:ab12');
		expect(answerKey({ ...base, clientId: 'id-2', allowMultiple: false })).toBe(first);
		expect(answerKey({ ...base, deviceHash: 'cd34', allowMultiple: false })).not.toBe(first);
	});
	it('differs per answer when the consulta allows several', () => {
		expect(answerKey({ ...base, allowMultiple: true })).not.toBe(
			answerKey({ ...base, clientId: 'id-2', allowMultiple: true })
		);
	});
});
