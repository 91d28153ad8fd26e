/**
 * The results of a consulta, computed from its stored answers: how many answered, counts per
 * option, the mean of each 1–5 scale. Free-text answers are only counted, never published:
 * a sentence can name or identify the person who wrote it.
 */
import { type ConsultaQuestion } from '$lib/schemas/content';
import { SCALE_MAX, SCALE_MIN } from '$lib/schemas/vocab';
import type { Answers } from './consulta-answers';

export interface OptionCount {
	value: string;
	label: string;
	count: number;
}

export interface QuestionResult {
	id: string;
	kind: ConsultaQuestion['kind'];
	label: string;
	/** How many answers include this question. */
	answered: number;
	/** Counts per option (`unica`, `multiple`), per yes/no, or per scale point 1…5. */
	options: OptionCount[];
	/** Mean of a scale question, rounded to two decimals; `null` with no answers or other kinds. */
	mean: number | null;
}

export interface ConsultaResults {
	/** Number of answers (one per device unless the consulta allows more). */
	total: number;
	questions: QuestionResult[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Aggregates `answers` (already validated against `questions`) into publishable results. */
export function aggregateResults(
	questions: readonly ConsultaQuestion[],
	answers: readonly Answers[],
	labels: { yes: string; no: string } = { yes: 'Sí', no: 'No' }
): ConsultaResults {
	return {
		total: answers.length,
		questions: questions.map((q) => {
			const given = answers.map((a) => a[q.id]).filter((v) => v !== undefined);
			const count = (pred: (v: unknown) => boolean) => given.filter(pred).length;
			let options: OptionCount[] = [];
			let mean: number | null = null;
			switch (q.kind) {
				case 'unica':
					options = q.options.map((o) => ({ ...o, count: count((v) => v === o.value) }));
					break;
				case 'multiple':
					options = q.options.map((o) => ({
						...o,
						count: count((v) => Array.isArray(v) && v.includes(o.value))
					}));
					break;
				case 'si-no':
					options = [
						{ value: 'si', label: labels.yes, count: count((v) => v === true) },
						{ value: 'no', label: labels.no, count: count((v) => v === false) }
					];
					break;
				case 'escala': {
					const points = given.filter((v): v is number => typeof v === 'number');
					options = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => {
						const p = SCALE_MIN + i;
						return {
							value: String(p),
							label: String(p),
							count: points.filter((v) => v === p).length
						};
					});
					mean = points.length ? round2(points.reduce((a, b) => a + b, 0) / points.length) : null;
					break;
				}
				case 'texto':
					break;
			}
			return { id: q.id, kind: q.kind, label: q.label, answered: given.length, options, mean };
		})
	};
}
