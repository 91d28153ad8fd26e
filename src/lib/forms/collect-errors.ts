/**
 * One pass over a filled form for everything the citizen must fix before sending: the form's
 * fields, the applicant's data and consent (unless anonymous), and the form's own rules. Called
 * by the page as the citizen sends (with JavaScript) and by the server when the form is posted
 * without it, so both list the same problems. Codes only; the page shows their text.
 */
import type { Applicant } from '$lib/schemas';
import type { FieldErrorCode } from '$lib/schemas/vocab';
import { validateApplicant } from './applicant';
import { validateSubmission, validateValues, type FormDoc, type SubmissionError } from './validate';

export interface FilledForm {
	anonymous: boolean;
	applicant: Partial<Applicant>;
	values: Record<string, string | boolean>;
	consent: boolean;
	attachmentCount: number;
}

export interface CollectedErrors {
	/** By the input's id: `campo_<name>`, an applicant field, or `consentimiento`. */
	fields: Record<string, FieldErrorCode | 'falta_consentimiento'>;
	/** Problems of the form as a whole. */
	general: SubmissionError[];
}

export function collectErrors(form: FormDoc, filled: FilledForm): CollectedErrors {
	const fields: CollectedErrors['fields'] = {};
	for (const [name, code] of Object.entries(validateValues(form, filled.values))) {
		fields[`campo_${name}`] = code;
	}
	if (!filled.anonymous) {
		for (const [name, code] of Object.entries(validateApplicant(filled.applicant))) {
			fields[name] = code;
		}
		if (!filled.consent) fields.consentimiento = 'falta_consentimiento';
	}
	const problems = validateSubmission(form, {
		anonymous: filled.anonymous,
		applicant: filled.anonymous ? undefined : (filled.applicant as Applicant),
		consent:
			filled.anonymous || !filled.consent
				? undefined
				: { accepted: true, policyVersion: '', acceptedAt: '' },
		values: filled.values,
		attachments: Array.from({ length: filled.attachmentCount }, () => ({}) as never)
	});
	// Consent and personal data are already said next to their fields.
	const general = (problems?.general ?? []).filter(
		(c) => c !== 'falta_consentimiento' && c !== 'faltan_datos_personales'
	);
	return { fields, general };
}

/** True when nothing needs fixing. */
export const isClean = (e: CollectedErrors) =>
	Object.keys(e.fields).length === 0 && e.general.length === 0;
