/**
 * The error summary of a request form (GOV.UK pattern): one line per wrong control, in the
 * order the page shows them, each saying which field it is about ("Nombre completo: Este dato
 * es obligatorio.") and linking to the control itself. The same list with JavaScript (errors
 * found on the device) and without it (errors sent back by the server).
 */
import { m } from '$lib/paraglide/messages';
import { APPLICANT_FIELDS } from './applicant';
import type { SummaryItem } from './form-errors';
import type { FormDoc } from './validate';

/** Labels of the applicant block, by field: ApplicantFields shows the same. */
export const APPLICANT_LABELS: Record<keyof typeof APPLICANT_FIELDS, () => string> = {
	name: m.form_name,
	documentType: m.form_document_type,
	documentNumber: m.form_document_number,
	email: m.form_email,
	phone: m.form_phone,
	address: m.form_address,
	vereda: m.form_vereda,
	representativeName: m.form_representative_name,
	representativeDocumentType: m.form_representative_document_type,
	representativeDocumentNumber: m.form_representative_document_number,
	priority: m.form_priority
};

/** An error's key (as collectErrors gives it), the element its link goes to, and its label. */
interface Control {
	key: string;
	target: string;
	label: string;
}

/** The controls of the form, top to bottom, as RequestForm lays them out. */
function controls(form: FormDoc): Control[] {
	const applicant = Object.entries(APPLICANT_FIELDS).map(([field, name]) => ({
		key: name,
		target: name,
		label: APPLICANT_LABELS[field as keyof typeof APPLICANT_FIELDS]()
	}));
	const fields = form.fields.map((field) => {
		const key = `campo_${field.name}`;
		// A group of radio buttons has no element of its own to focus: its first option.
		const first = field.kind === 'opciones' ? field.options[0]?.value : undefined;
		return { key, target: first === undefined ? key : `${key}-${first}`, label: field.label };
	});
	return [
		...applicant,
		...fields,
		{ key: 'adjuntos', target: 'adjuntos', label: form.attachments.label ?? m.form_attachments() },
		{ key: 'consentimiento', target: 'consentimiento', label: m.form_consent_short() }
	];
}

/**
 * `errors`: error text by key (`campo_<name>`, an applicant input's name, `consentimiento`);
 * `general`: texts of problems of the whole form, listed last and linked to the send button.
 */
export function requestErrorSummary(
	form: FormDoc,
	errors: Record<string, string>,
	general: readonly string[] = []
): SummaryItem[] {
	const known = controls(form);
	const named = known
		.filter((c) => errors[c.key])
		.map((c) => ({ href: `#${c.target}`, text: `${c.label}: ${errors[c.key]}` }));
	// A key this list does not know still gets its line (a wrong guess must not hide an error).
	const other = Object.entries(errors)
		.filter(([key, text]) => text && !known.some((c) => c.key === key))
		.map(([key, text]) => ({ href: `#${key}`, text }));
	return [...named, ...other, ...general.map((text) => ({ href: '#enviar', text }))];
}
