import { describe, expect, it } from 'vitest';
import { answerRows, type AnsweredField } from './answer-display';

const WORDS = { yes: 'Sí', no: 'No' };
const FIELDS: AnsweredField[] = [
	{ name: 'asunto', label: 'Asunto', options: [] },
	{
		name: 'tiempo_residencia',
		label: 'Tiempo viviendo en el municipio',
		options: [
			{ value: 'menos-de-1-ano', label: 'Menos de un año' },
			{ value: 'mas-de-5-anos', label: 'Más de cinco años' }
		]
	},
	{ name: 'acepta_visita', label: '¿Acepta una visita?', options: [] }
];

describe('answerRows', () => {
	it('shows each value under its label, in the form’s order, a choice as its words', () => {
		const rows = answerRows(
			FIELDS,
			{ acepta_visita: true, tiempo_residencia: 'mas-de-5-anos', asunto: 'Certificado' },
			WORDS
		);
		expect(rows).toEqual([
			{ name: 'asunto', label: 'Asunto', text: 'Certificado' },
			{
				name: 'tiempo_residencia',
				label: 'Tiempo viviendo en el municipio',
				text: 'Más de cinco años'
			},
			{ name: 'acepta_visita', label: '¿Acepta una visita?', text: 'Sí' }
		]);
	});

	it('keeps a value the form no longer has, and one that is not among the options, as stored', () => {
		const rows = answerRows(
			FIELDS,
			{ tiempo_residencia: 'entre-1-y-5', campo_retirado: 'x', acepta_visita: false },
			WORDS
		);
		expect(rows.map((r) => [r.label, r.text])).toEqual([
			['Tiempo viviendo en el municipio', 'entre-1-y-5'],
			['¿Acepta una visita?', 'No'],
			['campo_retirado', 'x']
		]);
	});

	it('works without the form (not on this device yet)', () => {
		expect(answerRows(undefined, { asunto: 'Vía' }, WORDS)).toEqual([
			{ name: 'asunto', label: 'asunto', text: 'Vía' }
		]);
	});
});
