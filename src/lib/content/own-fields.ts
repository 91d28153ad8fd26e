/**
 * The content editor's form for a type's own fields, where a municipal editor would otherwise
 * have to write YAML (UX review, improvement 10): each field's control (text box, list, tick
 * boxes, numbered rows…), label and hint. The values and their rules stay the type's Zod input
 * schema; enum options are read from it, so a new option appears here without a second list.
 * Types without a form here keep the "Datos específicos (YAML)" box.
 */
import { m } from '$lib/paraglide/messages';
import { contentInputSchemas, type ContentType } from '$lib/schemas';
import { audienceLabel, categoryLabel, channelLabel } from './labels';

type Text = () => string;

interface Base {
	/** The schema key (inside the group or row for nested fields). */
	key: string;
	label: Text;
	hint?: Text;
}

/** A control holding one value. */
export type ScalarField = Base &
	(
		| { control: 'text'; max: number; rows?: number; optional?: boolean }
		| { control: 'number'; optional?: boolean }
		| { control: 'date'; optional?: boolean }
		| { control: 'select'; options: readonly Option[] }
		| { control: 'checkbox' }
	);

export interface Option {
	value: string;
	label: Text;
}

export type OwnField =
	| ScalarField
	/** Tick boxes: an array of enum values. */
	| (Base & { control: 'choices'; options: readonly Option[] })
	/** A list of short texts, one per line. */
	| (Base & { control: 'lines'; max: number })
	/** Numbered rows ("fila 1", "fila 2"…) of a few columns: an array of objects or texts. */
	| (Base & { control: 'rows'; columns: readonly ScalarField[]; scalar?: boolean })
	/** Controls under one legend: an object. */
	| (Base & { control: 'group'; fields: readonly ScalarField[] });

const tramite = contentInputSchemas.tramite.shape;

const options = <T extends string>(values: readonly T[], label: (v: T) => string): Option[] =>
	values.map((value) => ({ value, label: () => label(value) }));

const TIME_LABELS: Record<string, Text> = {
	inmediato: m.prop_f_time_inmediato,
	horas: m.prop_f_time_horas,
	'dias-habiles': m.prop_f_time_dias_habiles,
	'dias-calendario': m.prop_f_time_dias_calendario
};

const TRAMITE_FIELDS: readonly OwnField[] = [
	{
		key: 'kind',
		control: 'select',
		label: m.own_kind,
		options: options(tramite.kind.options, (k) =>
			k === 'opa' ? m.tramite_kind_opa() : m.tramite_kind_tramite()
		)
	},
	{
		key: 'category',
		control: 'select',
		label: m.own_category,
		options: options(tramite.category.options, categoryLabel)
	},
	{ key: 'purpose', control: 'text', label: m.prop_f_purpose, max: 1000, rows: 3 },
	{ key: 'result', control: 'text', label: m.tramite_result, hint: m.own_result_hint, max: 300 },
	{
		key: 'audience',
		control: 'choices',
		label: m.tramite_audience,
		options: options(tramite.audience.element.options, audienceLabel)
	},
	{
		key: 'requirements',
		control: 'rows',
		label: m.tramite_requirements,
		hint: m.own_rows_hint,
		columns: [
			{ key: 'text', control: 'text', label: m.own_requirement, max: 600 },
			{ key: 'legalBasis', control: 'text', label: m.own_norm, max: 300, optional: true },
			{ key: 'optional', control: 'checkbox', label: m.own_requirement_optional }
		]
	},
	{
		key: 'steps',
		control: 'rows',
		label: m.tramite_steps,
		hint: m.own_rows_hint,
		scalar: true,
		columns: [{ key: 'text', control: 'text', label: m.own_step, max: 600 }]
	},
	{
		key: 'cost',
		control: 'group',
		label: m.tramite_cost,
		fields: [
			{ key: 'free', control: 'checkbox', label: m.prop_f_cost_free },
			{ key: 'description', control: 'text', label: m.own_cost_description, max: 600 },
			{ key: 'legalBasis', control: 'text', label: m.own_norm, max: 300, optional: true }
		]
	},
	{
		key: 'time',
		control: 'group',
		label: m.tramite_time,
		fields: [
			{
				key: 'kind',
				control: 'select',
				label: m.own_time_kind,
				options: options(tramite.time.shape.kind.options, (k) => TIME_LABELS[k]?.() ?? k)
			},
			{ key: 'value', control: 'number', label: m.prop_f_time_value, optional: true },
			{ key: 'notes', control: 'text', label: m.own_notes, max: 400, optional: true }
		]
	},
	{
		key: 'legalBasis',
		control: 'lines',
		label: m.tramite_legal_basis,
		hint: m.own_lines_norms,
		max: 300
	},
	{
		key: 'channels',
		control: 'choices',
		label: m.tramite_channels,
		options: options(tramite.channels.element.options, channelLabel)
	},
	{
		key: 'pointsOfAttention',
		control: 'rows',
		label: m.tramite_where,
		hint: m.own_rows_hint,
		columns: [
			{ key: 'name', control: 'text', label: m.own_point_name, max: 200 },
			{ key: 'address', control: 'text', label: m.own_point_address, max: 300 },
			{ key: 'hours', control: 'text', label: m.own_point_hours, max: 300 },
			{ key: 'lat', control: 'number', label: m.own_point_lat, optional: true },
			{ key: 'lng', control: 'number', label: m.own_point_lng, optional: true }
		]
	},
	{
		key: 'whenAvailable',
		control: 'text',
		label: m.tramite_when,
		hint: m.own_when_hint,
		max: 300,
		optional: true
	},
	{ key: 'tracking', control: 'text', label: m.tramite_tracking, max: 600, rows: 2 },
	{
		key: 'alsoKnownAs',
		control: 'lines',
		label: m.tramite_also_known,
		hint: m.own_lines_names,
		max: 120
	},
	{
		key: 'lifeEvents',
		control: 'lines',
		label: m.tramite_life_events,
		hint: m.own_lines_one,
		max: 160
	},
	{ key: 'keywords', control: 'lines', label: m.own_keywords, hint: m.own_keywords_hint, max: 60 },
	{ key: 'suitVerified', control: 'checkbox', label: m.own_suit_verified }
];

const OWN_FIELDS: Partial<Record<ContentType, readonly OwnField[]>> = { tramite: TRAMITE_FIELDS };

/** The form of `type`'s own fields, or undefined when they are edited as YAML. */
export const ownFieldsOf = (type: ContentType): readonly OwnField[] | undefined => OWN_FIELDS[type];

/** The id (and name) of a control: `o-cost-free`, `o-requirements-0-text`. */
export const ownControlId = (...parts: Array<string | number>): string => ['o', ...parts].join('-');

/**
 * The control an issue of the own form is about (the error summary's link) with its label, or
 * undefined when the issue is not about one of `fields`.
 */
export function ownFieldRef(
	fields: readonly OwnField[],
	issue: { path: string; row?: number }
): { id: string; label: string } | undefined {
	const [key = '', sub] = issue.path.split('.');
	const field = fields.find((f) => f.key === key);
	if (!field) return undefined;
	switch (field.control) {
		case 'rows': {
			const column = field.columns.find((c) => c.key === sub) ?? field.columns[0];
			const n = (issue.row ?? 1) - 1;
			return {
				id: ownControlId(key, n, column?.key ?? ''),
				label: issue.row ? `${column?.label()} (${m.plan_row({ n: n + 1 })})` : field.label()
			};
		}
		case 'group': {
			const inner = field.fields.find((f) => f.key === sub);
			return inner
				? { id: ownControlId(key, inner.key), label: `${field.label()}: ${inner.label()}` }
				: { id: ownControlId(key, field.fields[0]?.key ?? ''), label: field.label() };
		}
		case 'choices':
			return { id: ownControlId(key, field.options[0]?.value ?? ''), label: field.label() };
		default:
			return { id: ownControlId(key), label: field.label() };
	}
}
