/**
 * The proposal form as posted (plain HTML, no JavaScript needed): one text area line per
 * requirement or norm, radio buttons for the cost, check boxes for the channels.
 */
import { proposalInputSchema, type ProposalInput } from '$lib/schemas';
import type { ProposalFormValues } from '$lib/forms/backoffice-values';
import type { FormIssue, FormResult } from '$lib/forms/form-result';
import type { FieldErrorCode } from '$lib/schemas/vocab';
import { checkForm } from '$lib/forms/zod-issues';
import { text } from '$lib/server/forms/form-data';

/** Fields the page can mark as wrong (each has a `prop_err_<field>` message). */
export const PROPOSAL_FIELDS = [
	'id',
	'name',
	'purpose',
	'legalBasis',
	'requirements',
	'cost',
	'time',
	'responsible',
	'channels'
] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];

export type ProposalFormResult = FormResult<ProposalInput, ProposalFormValues>;

/** Every field of this form is trimmed, and its line breaks are LF. */
const field = (data: FormData, name: string) => text(data, name, { multiline: true });
const lines = (value: string) =>
	value
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);

/**
 * Reads and validates the posted form; `dependencias` are the offices that may be chosen. One
 * issue per field at most, on the fields of `PROPOSAL_FIELDS` and in their order.
 */
export function readProposalForm(
	data: FormData,
	dependencias: ReadonlySet<string>
): ProposalFormResult {
	const values: ProposalFormValues = {
		id: field(data, 'id'),
		name: field(data, 'name'),
		purpose: field(data, 'purpose'),
		legalBasis: field(data, 'legalBasis'),
		requirements: field(data, 'requirements'),
		costFree: field(data, 'cost') !== 'pago',
		costDescription: field(data, 'costDescription'),
		timeKind: field(data, 'timeKind'),
		timeValue: field(data, 'timeValue'),
		responsible: field(data, 'responsible'),
		channels: data.getAll('channels').filter((c): c is string => typeof c === 'string')
	};
	const timeValue = /^\d{1,3}$/.test(values.timeValue) ? Number(values.timeValue) : undefined;
	const checked = checkForm(proposalInputSchema, {
		id: values.id,
		name: values.name,
		// The catalogue keeps the purpose on one line; line breaks typed in the box become spaces.
		purpose: values.purpose.replace(/\s*\n\s*/g, ' '),
		legalBasis: lines(values.legalBasis),
		requirements: lines(values.requirements),
		cost: { free: values.costFree, description: values.costDescription.replace(/\s*\n\s*/g, ' ') },
		time: {
			kind: values.timeKind,
			...(values.timeKind !== 'inmediato' && timeValue !== undefined ? { value: timeValue } : {})
		},
		responsible: values.responsible,
		channels: [...new Set(values.channels)]
	});
	// One issue per field: a nested place (`legalBasis.0`, `cost.description`) is its field's.
	const byField = new Map<ProposalField, FieldErrorCode>();
	for (const issue of checked.ok ? [] : checked.issues) {
		const top = issue.path.split('.')[0];
		const f = (PROPOSAL_FIELDS as readonly string[]).includes(top ?? '')
			? (top as ProposalField)
			: 'name';
		if (!byField.has(f)) byField.set(f, issue.code);
	}
	if (values.timeValue && timeValue === undefined && !byField.has('time')) {
		byField.set('time', 'numero_invalido');
	}
	if (!dependencias.has(values.responsible) && !byField.has('responsible')) {
		byField.set('responsible', 'opcion_invalida');
	}
	if (byField.size || !checked.ok) {
		const issues = PROPOSAL_FIELDS.filter((f) => byField.has(f)).map((f): FormIssue => ({
			path: f,
			code: byField.get(f) ?? 'tipo_invalido'
		}));
		return { ok: false, issues, values };
	}
	return { ok: true, input: checked.data, values };
}

/** The form's values for a stored proposal (to correct a returned one). */
export function valuesOf(input: ProposalInput): ProposalFormValues {
	return {
		id: input.id,
		name: input.name,
		purpose: input.purpose,
		legalBasis: input.legalBasis.join('\n'),
		requirements: input.requirements.join('\n'),
		costFree: input.cost.free,
		costDescription: input.cost.description,
		timeKind: input.time.kind,
		timeValue: input.time.value ? String(input.time.value) : '',
		responsible: input.responsible,
		channels: [...input.channels]
	};
}
