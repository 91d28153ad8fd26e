import { applicantSchema, isMinorDocument, type Applicant } from '$lib/schemas';
import type { FieldErrorCode } from '../schemas/vocab';

/** Form field names of the applicant block, the same with and without JavaScript. */
export const APPLICANT_FIELDS = {
	name: 'nombre',
	documentType: 'tipo_documento',
	documentNumber: 'numero_documento',
	// In the order of the page: a minor's representative right after the minor's document.
	representativeName: 'representante_nombre',
	representativeDocumentType: 'representante_tipo_documento',
	representativeDocumentNumber: 'representante_numero_documento',
	email: 'correo',
	phone: 'telefono',
	address: 'direccion',
	vereda: 'vereda',
	priority: 'atencion_prioritaria'
} as const satisfies Record<keyof Applicant, string>;

/**
 * What of a typed applicant block is sent: trimmed, without empty answers, and without a legal
 * representative typed for a minor's document that was then changed to an adult's (without
 * JavaScript the representative's fields are always on the page).
 */
export function sentApplicant(applicant: Partial<Applicant>): Partial<Applicant> {
	const minor = isMinorDocument(applicant.documentType);
	return Object.fromEntries(
		Object.entries(applicant)
			.map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
			.filter(([k, v]) => v !== '' && v !== undefined && (minor || !k.startsWith('representative')))
	);
}

export type ApplicantError = Extract<
	FieldErrorCode,
	'requerido' | 'correo_invalido' | 'telefono_invalido' | 'documento_invalido' | 'tipo_invalido'
>;

/** Errors of the applicant block keyed by form field name (empty when fine). */
export function validateApplicant(applicant: Partial<Applicant>): Record<string, ApplicantError> {
	const cleaned: Partial<Applicant> = sentApplicant(applicant);
	const result = applicantSchema.safeParse(cleaned);
	if (result.success) return {};
	const errors: Record<string, ApplicantError> = {};
	for (const issue of result.error.issues) {
		const key = issue.path[0] as keyof Applicant | undefined;
		if (!key || !(key in APPLICANT_FIELDS)) continue;
		const missing = cleaned[key] === undefined;
		errors[APPLICANT_FIELDS[key]] = missing
			? 'requerido'
			: key === 'email'
				? 'correo_invalido'
				: key === 'phone'
					? 'telefono_invalido'
					: key === 'documentNumber' || key === 'representativeDocumentNumber'
						? 'documento_invalido'
						: 'tipo_invalido';
	}
	return errors;
}

/** A form's fields, as far as the applicant block cares. */
type FormFields = { fields: ReadonlyArray<{ name: string; fills?: 'vereda' }> };

/** Whether the form asks the vereda among its own questions (then the block does not). */
export const asksVereda = (form: FormFields): boolean =>
	form.fields.some((f) => f.fills === 'vereda');

/**
 * The applicant as stored: the answer of a form's own vereda question (asked once, not twice)
 * becomes the applicant's vereda, where the inbox, open data and statistics read it.
 */
export function applicantWithVereda(
	applicant: Applicant | undefined,
	form: FormFields,
	values: Readonly<Record<string, unknown>>
): Applicant | undefined {
	if (!applicant || applicant.vereda) return applicant;
	const field = form.fields.find((f) => f.fills === 'vereda');
	const answer = field ? values[field.name] : undefined;
	return typeof answer === 'string' && answer.trim()
		? { ...applicant, vereda: answer.trim().slice(0, 120) }
		: applicant;
}
