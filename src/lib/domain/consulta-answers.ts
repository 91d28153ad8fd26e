/**
 * Answers to a consulta or encuesta: when it takes them, what a valid answer to each question
 * is, and which answers count as the same one. Pure: the page, the device's queue and the
 * server all use these rules, so a refused answer is refused for the same reason everywhere.
 */
import { isCleanText } from '../schemas/text';
import { MAX_TEXT_ANSWER, type ConsultaQuestion } from '$lib/schemas/content';
import { SCALE_MAX, SCALE_MIN, type QuestionKind } from '$lib/schemas/vocab';
import type { IsoDate } from './calendar-date';

/** One question's answer: the option, the options, the 1–5 value, yes/no or the text. */
export type AnswerValue = string | string[] | number | boolean;
export type Answers = Record<string, AnswerValue>;

export type AnswerErrorCode =
	| 'falta_respuesta'
	| 'opcion_invalida'
	| 'fuera_de_escala'
	| 'demasiado_largo'
	| 'tipo_invalido'
	| 'caracteres_no_permitidos'
	| 'pregunta_desconocida';

export type AnswerCheck =
	{ ok: true; answers: Answers } | { ok: false; errors: Record<string, AnswerErrorCode> };

/** Longest `texto` answer when the question does not say (characters). */
export const DEFAULT_TEXT_MAX = 500;

export type ConsultaState = 'proxima' | 'abierta' | 'cerrada';

/** Whether the consulta takes answers on `today` (Bogotá): from `opensAt` through `closesAt`. */
export function consultaState(c: { opensAt: IsoDate; closesAt: IsoDate }, today: IsoDate) {
	if (today < c.opensAt) return 'proxima' as const;
	if (today > c.closesAt) return 'cerrada' as const;
	return 'abierta' as const;
}

export const textMax = (q: Pick<ConsultaQuestion, 'maxLength'>) =>
	Math.min(q.maxLength ?? DEFAULT_TEXT_MAX, MAX_TEXT_ANSWER);

type Outcome = { value: AnswerValue } | { error: AnswerErrorCode } | undefined;
type Check = (value: unknown, q: ConsultaQuestion) => Outcome;

const unanswered = (v: unknown) => v === undefined || v === null || v === '';

/** Per kind: the normalised value, an error code, or `undefined` for "not answered". */
const CHECKS: Record<QuestionKind, Check> = {
	unica: (v, q) => {
		if (unanswered(v)) return undefined;
		if (typeof v !== 'string') return { error: 'tipo_invalido' };
		return q.options.some((o) => o.value === v) ? { value: v } : { error: 'opcion_invalida' };
	},
	multiple: (v, q) => {
		if (unanswered(v)) return undefined;
		if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
			return { error: 'tipo_invalido' };
		if (v.length === 0) return undefined;
		const chosen = new Set(v as string[]);
		if (
			chosen.size !== v.length ||
			![...chosen].every((x) => q.options.some((o) => o.value === x))
		) {
			return { error: 'opcion_invalida' };
		}
		// In the consulta's order, so the same choice always has the same fingerprint.
		return { value: q.options.filter((o) => chosen.has(o.value)).map((o) => o.value) };
	},
	escala: (v) => {
		if (unanswered(v)) return undefined;
		if (typeof v !== 'number' || !Number.isInteger(v)) return { error: 'tipo_invalido' };
		return v >= SCALE_MIN && v <= SCALE_MAX ? { value: v } : { error: 'fuera_de_escala' };
	},
	'si-no': (v) => {
		if (unanswered(v)) return undefined;
		return typeof v === 'boolean' ? { value: v } : { error: 'tipo_invalido' };
	},
	texto: (v, q) => {
		if (unanswered(v)) return undefined;
		if (typeof v !== 'string') return { error: 'tipo_invalido' };
		if (!isCleanText(v)) return { error: 'caracteres_no_permitidos' };
		const text = v.normalize('NFC').replace(/\r\n?/g, '\n').trim();
		if (!text) return undefined;
		return [...text].length > textMax(q) ? { error: 'demasiado_largo' } : { value: text };
	}
};

/**
 * The validator of a consulta's answers, built from its questions: it returns the answers in
 * a normalised form (unanswered optional questions left out, texts trimmed, multiple choices
 * in the consulta's order) or one error code per question (and per unknown key).
 */
export function answerValidator(questions: readonly ConsultaQuestion[]) {
	const byId = new Map(questions.map((q) => [q.id, q]));
	return (input: unknown): AnswerCheck => {
		if (!input || typeof input !== 'object' || Array.isArray(input)) {
			return { ok: false, errors: { _: 'tipo_invalido' } };
		}
		const raw = input as Record<string, unknown>;
		const errors: Record<string, AnswerErrorCode> = {};
		for (const key of Object.keys(raw).slice(0, 50)) {
			if (!byId.has(key))
				errors[/^[a-z0-9-]{1,40}$/.test(key) ? key : '_'] = 'pregunta_desconocida';
		}
		const answers: Answers = {};
		for (const q of questions) {
			const outcome = CHECKS[q.kind](Object.hasOwn(raw, q.id) ? raw[q.id] : undefined, q);
			if (!outcome) {
				if (q.required) errors[q.id] = 'falta_respuesta';
			} else if ('error' in outcome) {
				errors[q.id] = outcome.error;
			} else {
				answers[q.id] = outcome.value;
			}
		}
		return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
	};
}

/**
 * The answers posted as an HTML form (`q_<id>` fields; `multiple` repeats its field), in the
 * shape the validator takes. Numbers and yes/no come as text in a form.
 */
export function answersFromForm(
	questions: readonly ConsultaQuestion[],
	all: (name: string) => string[]
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const q of questions) {
		const values = all(`q_${q.id}`);
		const first = values[0];
		if (q.kind === 'multiple') {
			if (values.length) out[q.id] = values;
		} else if (first === undefined || first === '') {
			continue;
		} else if (q.kind === 'escala') {
			out[q.id] = /^\d+$/.test(first) ? Number(first) : first;
		} else if (q.kind === 'si-no') {
			out[q.id] = first === 'si' ? true : first === 'no' ? false : first;
		} else {
			out[q.id] = first;
		}
	}
	return out;
}

/**
 * The key the store counts answers by. Without `allowMultiple` it is the consulta and the
 * device (a hash of its key), so every retry and every second answer from one device lands on
 * the same document; with it, each answer (its client id) counts on its own.
 */
export function answerKey(input: {
	consulta: string;
	deviceHash: string;
	allowMultiple: boolean;
	clientId: string;
}): string {
	const base = `respuesta:${input.consulta}:${input.deviceHash}`;
	return input.allowMultiple ? `${base}:${input.clientId}` : base;
}
