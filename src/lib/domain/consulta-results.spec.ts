import { describe, expect, it } from 'vitest';
import { consultaQuestionSchema } from '$lib/schemas';
import { aggregateResults } from './consulta-results';

const QUESTIONS = [
	{
		id: 'canal',
		kind: 'unica',
		label: 'Canal',
		options: [
			{ value: 'portal', label: 'Portal' },
			{ value: 'radio', label: 'Radio' }
		]
	},
	{
		id: 'temas',
		kind: 'multiple',
		label: 'Temas',
		options: [
			{ value: 'a', label: 'A' },
			{ value: 'b', label: 'B' }
		]
	},
	{ id: 'nota', kind: 'escala', label: 'Nota' },
	{ id: 'volveria', kind: 'si-no', label: '¿Volvería?' },
	{ id: 'idea', kind: 'texto', label: 'Idea' }
].map((q) => consultaQuestionSchema.parse(q));

describe('aggregateResults', () => {
	const results = aggregateResults(QUESTIONS, [
		{ canal: 'portal', temas: ['a', 'b'], nota: 5, volveria: true, idea: 'Soy Ana, vereda X' },
		{ canal: 'radio', temas: ['a'], nota: 2, volveria: false },
		{ canal: 'portal', nota: 4, idea: 'Más señal' }
	]);
	const byId = Object.fromEntries(results.questions.map((q) => [q.id, q]));

	it('counts the answers and, per question, how many answered it', () => {
		expect(results.total).toBe(3);
		expect(byId.temas!.answered).toBe(2);
		expect(byId.volveria!.answered).toBe(2);
	});

	it('counts each option; a multiple answer counts once per chosen option', () => {
		expect(byId.canal!.options.map((o) => [o.value, o.count])).toEqual([
			['portal', 2],
			['radio', 1]
		]);
		expect(byId.temas!.options.map((o) => o.count)).toEqual([2, 1]);
		expect(byId.volveria!.options.map((o) => [o.label, o.count])).toEqual([
			['Sí', 1],
			['No', 1]
		]);
	});

	it('gives the scale distribution 1…5 and its mean', () => {
		expect(byId.nota!.options.map((o) => o.count)).toEqual([0, 1, 0, 1, 1]);
		expect(byId.nota!.mean).toBe(3.67);
	});

	it('publishes only the number of text answers, never their words', () => {
		expect(byId.idea!.answered).toBe(2);
		expect(byId.idea!.options).toEqual([]);
		expect(JSON.stringify(results)).not.toContain('Ana');
		expect(JSON.stringify(results)).not.toContain('señal');
	});

	it('has zero counts and no mean without answers', () => {
		const empty = aggregateResults(QUESTIONS, []);
		expect(empty.total).toBe(0);
		expect(empty.questions.find((q) => q.id === 'nota')!.mean).toBeNull();
		expect(empty.questions.every((q) => q.options.every((o) => o.count === 0))).toBe(true);
	});
});
