/**
 * The form engine's rules: one implementation for the browser (messages next to each field as
 * the citizen types) and the server (the same checks before anything is stored). Results are
 * codes; the UI turns them into Spanish (or English) text from messages/.
 */
import type { ContentDocOf, FormField, Submission } from '$lib/schemas';
import { isIsoDate } from '$lib/domain/calendar-date';
import type { FieldErrorCode } from '$lib/schemas/vocab';

export type FormDoc = Pick<
	ContentDocOf<'formulario'>,
	'slug' | 'purpose' | 'anonymousAllowed' | 'fields' | 'attachments'
>;

export const SUBMISSION_ERRORS = [
	'campo_desconocido',
	'anonimo_no_permitido',
	'faltan_datos_personales',
	'falta_consentimiento',
	'demasiados_adjuntos',
	'falta_adjunto'
] as const;
export type SubmissionError = (typeof SUBMISSION_ERRORS)[number];

const DEFAULT_MAX: Record<FormField['kind'], number> = {
	texto: 200,
	parrafo: 5000,
	correo: 200,
	telefono: 20,
	numero: 20,
	fecha: 10,
	seleccion: 120,
	opciones: 120,
	casilla: 0
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +()-]{7,20}$/;
const NUMBER = /^-?\d{1,15}([.,]\d{1,6})?$/;

/** The error of one field's value, or null when it is acceptable. */
export function validateField(
	field: FormField,
	value: string | boolean | undefined
): FieldErrorCode | null {
	if (field.kind === 'casilla') {
		if (value !== undefined && typeof value !== 'boolean') return 'tipo_invalido';
		return field.required && value !== true ? 'requerido' : null;
	}
	if (value !== undefined && typeof value !== 'string') return 'tipo_invalido';
	const text = (value ?? '').trim();
	if (!text) return field.required ? 'requerido' : null;
	if (text.length > (field.maxLength ?? DEFAULT_MAX[field.kind])) return 'muy_largo';
	switch (field.kind) {
		case 'correo':
			return EMAIL.test(text) ? null : 'correo_invalido';
		case 'telefono':
			return PHONE.test(text) ? null : 'telefono_invalido';
		case 'numero':
			return NUMBER.test(text) ? null : 'numero_invalido';
		case 'fecha':
			return isIsoDate(text) ? null : 'fecha_invalida';
		case 'seleccion':
		case 'opciones':
			return field.options.some((o) => o.value === text) ? null : 'opcion_invalida';
		default:
			return null;
	}
}

/** Errors of every field, keyed by field name (empty object when all are fine). */
export function validateValues(
	form: FormDoc,
	values: Record<string, string | boolean>
): Record<string, FieldErrorCode> {
	const errors: Record<string, FieldErrorCode> = {};
	for (const field of form.fields) {
		const error = validateField(field, values[field.name]);
		if (error) errors[field.name] = error;
	}
	return errors;
}

export interface SubmissionProblems {
	fields: Record<string, FieldErrorCode>;
	general: SubmissionError[];
}

/** Everything wrong with a submission for this form; `null` when it can be filed. */
export function validateSubmission(
	form: FormDoc,
	submission: Pick<Submission, 'anonymous' | 'applicant' | 'consent' | 'values' | 'attachments'>
): SubmissionProblems | null {
	const fields = validateValues(form, submission.values);
	const general: SubmissionError[] = [];
	const known = new Set(form.fields.map((f) => f.name));
	if (Object.keys(submission.values).some((k) => !known.has(k))) general.push('campo_desconocido');
	if (submission.anonymous && !form.anonymousAllowed) general.push('anonimo_no_permitido');
	if (!submission.anonymous && !submission.applicant) general.push('faltan_datos_personales');
	if (!submission.anonymous && !submission.consent) general.push('falta_consentimiento');
	if (submission.attachments.length > form.attachments.max) general.push('demasiados_adjuntos');
	if (form.attachments.required && submission.attachments.length === 0)
		general.push('falta_adjunto');
	return Object.keys(fields).length || general.length ? { fields, general } : null;
}
