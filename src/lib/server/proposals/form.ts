/**
 * The proposal form as posted (plain HTML, no JavaScript needed): one text area line per
 * requirement or norm, radio buttons for the cost, check boxes for the channels.
 */
import { proposalInputSchema, type ProposalInput } from '$lib/schemas';

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

/** What the form shows again after an error, as the person typed it. */
export interface ProposalFormValues {
	id: string;
	name: string;
	purpose: string;
	legalBasis: string;
	requirements: string;
	costFree: boolean;
	costDescription: string;
	timeKind: string;
	timeValue: string;
	responsible: string;
	channels: string[];
}

export type ProposalFormResult =
	| { ok: true; input: ProposalInput; values: ProposalFormValues }
	| { ok: false; fields: ProposalField[]; values: ProposalFormValues };

const text = (data: FormData, name: string) => {
	const v = data.get(name);
	return typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '';
};
const lines = (value: string) =>
	value
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);

/** Reads and validates the posted form; `dependencias` are the offices that may be chosen. */
export function readProposalForm(
	data: FormData,
	dependencias: ReadonlySet<string>
): ProposalFormResult {
	const values: ProposalFormValues = {
		id: text(data, 'id'),
		name: text(data, 'name'),
		purpose: text(data, 'purpose'),
		legalBasis: text(data, 'legalBasis'),
		requirements: text(data, 'requirements'),
		costFree: text(data, 'cost') !== 'pago',
		costDescription: text(data, 'costDescription'),
		timeKind: text(data, 'timeKind'),
		timeValue: text(data, 'timeValue'),
		responsible: text(data, 'responsible'),
		channels: data.getAll('channels').filter((c): c is string => typeof c === 'string')
	};
	const timeValue = /^\d{1,3}$/.test(values.timeValue) ? Number(values.timeValue) : undefined;
	const parsed = proposalInputSchema.safeParse({
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
	const fields = new Set<ProposalField>();
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const f = issue.path[0];
			fields.add(
				(PROPOSAL_FIELDS as readonly unknown[]).includes(f) ? (f as ProposalField) : 'name'
			);
		}
	}
	if (values.timeValue && timeValue === undefined) fields.add('time');
	if (!dependencias.has(values.responsible)) fields.add('responsible');
	if (fields.size || !parsed.success) {
		return { ok: false, fields: PROPOSAL_FIELDS.filter((f) => fields.has(f)), values };
	}
	return { ok: true, input: parsed.data, values };
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
