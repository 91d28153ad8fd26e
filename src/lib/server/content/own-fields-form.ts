/**
 * Reads a type's own fields from the editor's form (`content/own-fields.ts`) into the object its
 * Zod schema checks, and turns a stored input back into the form's values. Empty optional boxes
 * are left out, empty required ones are sent as `''` so the schema names them "requerido", and
 * a number that is not one is passed on as typed so the schema names it too.
 */
import { ownControlId, type OwnField, type ScalarField } from '$lib/content/own-fields';
import type { OwnValue, OwnValues, ScalarValue } from '$lib/forms/backoffice-values';
import { checked, rows, text } from '$lib/server/forms/form-data';

const NUMBER = /^-?\d+(\.\d+)?$/;

export interface OwnFieldsRead {
	values: OwnValues;
	/** The fields for the schema. */
	data: Record<string, unknown>;
	/** For each row group, the form row (0-based) of each kept row: issues name "fila n". */
	rowNumbers: Record<string, (index: number) => number | undefined>;
}

export function readOwnFields(fields: readonly OwnField[], data: FormData): OwnFieldsRead {
	const values: OwnValues = {};
	const out: Record<string, unknown> = {};
	const rowNumbers: OwnFieldsRead['rowNumbers'] = {};
	for (const field of fields) {
		const name = ownControlId(field.key);
		switch (field.control) {
			case 'choices': {
				const chosen = data.getAll(name).filter((v): v is string => typeof v === 'string');
				values[field.key] = chosen;
				out[field.key] = chosen;
				break;
			}
			case 'lines': {
				const typed = text(data, name, { multiline: true });
				values[field.key] = typed;
				out[field.key] = typed
					.split('\n')
					.map((l) => l.trim())
					.filter(Boolean);
				break;
			}
			case 'group': {
				const group: Record<string, ScalarValue> = {};
				const object: Record<string, unknown> = {};
				for (const sub of field.fields) {
					const read = readScalar(sub, data, ownControlId(field.key, sub.key));
					group[sub.key] = read.value;
					if (read.parsed !== undefined) object[sub.key] = read.parsed;
				}
				values[field.key] = group;
				out[field.key] = object;
				break;
			}
			case 'rows': {
				const kept = rows(data, name, (n) => ({
					removed: checked(data, ownControlId(field.key, n, 'remove')),
					cells: field.columns.map((c) => readScalar(c, data, ownControlId(field.key, n, c.key)))
				})).filter(
					({ row }) => !row.removed && row.cells.some((c) => typeof c.value === 'string' && c.value)
				);
				values[field.key] = kept.map(({ row }) =>
					Object.fromEntries(field.columns.map((c, i) => [c.key, row.cells[i]?.value ?? '']))
				);
				out[field.key] = kept.map(({ row }) =>
					field.scalar
						? row.cells[0]?.parsed
						: Object.fromEntries(
								field.columns
									.map((c, i) => [c.key, row.cells[i]?.parsed] as const)
									.filter(([, v]) => v !== undefined)
							)
				);
				rowNumbers[field.key] = (i) => kept[i]?.n;
				break;
			}
			default: {
				const read = readScalar(field, data, name);
				values[field.key] = read.value;
				if (read.parsed !== undefined) out[field.key] = read.parsed;
			}
		}
	}
	return { values, data: out, rowNumbers };
}

function readScalar(
	field: ScalarField,
	data: FormData,
	name: string
): { value: ScalarValue; parsed: unknown } {
	if (field.control === 'checkbox') {
		const on = checked(data, name);
		return { value: on, parsed: on };
	}
	const value = text(data, name, { multiline: true });
	const optional = 'optional' in field && field.optional;
	if (!value) return { value, parsed: optional ? undefined : '' };
	if (field.control === 'number')
		return { value, parsed: NUMBER.test(value) ? Number(value) : value };
	return { value, parsed: value };
}

/** The form's values for a stored input's own fields. */
export function ownValuesOf(
	fields: readonly OwnField[],
	input: Record<string, unknown>
): OwnValues {
	const values: OwnValues = {};
	for (const field of fields) values[field.key] = valueOf(field, input[field.key]);
	return values;
}

function valueOf(field: OwnField, stored: unknown): OwnValue {
	const list = Array.isArray(stored) ? (stored as unknown[]) : [];
	const record = (v: unknown) =>
		v && typeof v === 'object' ? (v as Record<string, unknown>) : ({} as Record<string, unknown>);
	switch (field.control) {
		case 'choices':
			return list.map(String);
		case 'lines':
			return list.map(String).join('\n');
		case 'group':
			return Object.fromEntries(
				field.fields.map((f) => [f.key, scalarValue(f, record(stored)[f.key])])
			);
		case 'rows':
			return list.map((row) =>
				Object.fromEntries(
					field.columns.map((c) => [c.key, scalarValue(c, field.scalar ? row : record(row)[c.key])])
				)
			);
		default:
			return scalarValue(field, stored);
	}
}

const scalarValue = (field: ScalarField, stored: unknown): ScalarValue =>
	field.control === 'checkbox'
		? stored === true
		: stored === undefined || stored === null
			? ''
			: String(stored);

/** The keys the form covers (the rest of a stored input stays in the YAML box). */
export const ownKeys = (fields: readonly OwnField[] = []): string[] => fields.map((f) => f.key);
