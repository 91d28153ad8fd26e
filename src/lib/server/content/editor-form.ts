/**
 * The generic content editor's form: common fields (title, summary, responsible office, review
 * date, Markdown body) plus the type's own fields as YAML ("Datos específicos"). Everything is
 * validated with the type's Zod input schema. Problems are field codes; those of the type's own
 * fields have the path inside the YAML after `datos.` (`datos.requirements.0.text`), so a
 * funcionario can find the line to fix.
 */
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import { contentInputSchemas, type ContentInput, type ContentType } from '$lib/schemas';
import type { EditorValues } from '$lib/forms/backoffice-values';
import type { FormIssue, FormResult } from '$lib/forms/form-result';
import { checkForm } from '$lib/forms/zod-issues';
import { text } from '$lib/server/forms/form-data';
import { ownFieldsOf, type OwnField } from '$lib/content/own-fields';
import { ownKeys, ownValuesOf, readOwnFields } from './own-fields-form';

/** Fields with their own inputs; the rest of the schema goes in the YAML textarea. */
const COMMON = [
	'slug',
	'title',
	'summary',
	'responsible',
	'reviewBy',
	'updatedAt',
	'body'
] as const;

const isCommon = (key: string) => (COMMON as readonly string[]).includes(key);

/**
 * A schema path as the form's: common fields and those of the type's own form by name, the
 * rest inside `datos`.
 */
const placeIn = (formKeys: readonly string[]) => (path: string) => {
	if (!path) return 'datos';
	const field = path.split('.')[0] ?? '';
	return isCommon(field) || formKeys.includes(field) ? path : `datos.${path}`;
};

export type EditorFormResult = FormResult<ContentInput, EditorValues>;

/** Reads the posted editor form into a valid input for `type`, or the issues to fix. */
export function readEditorForm(
	type: ContentType,
	slug: string,
	data: FormData,
	today: string,
	extra: Record<string, unknown> = {}
): EditorFormResult {
	const values: EditorValues = {
		slug,
		title: text(data, 'title', { multiline: true }),
		summary: text(data, 'summary', { multiline: true }),
		responsible: text(data, 'responsible', { multiline: true }),
		reviewBy: text(data, 'reviewBy', { multiline: true }),
		// The body and the YAML keep their white space (indentation is YAML's syntax).
		body: text(data, 'body', { multiline: true, trim: false }),
		datos: text(data, 'datos', { multiline: true, trim: false })
	};
	const ownFields = ownFieldsOf(type);
	const own = ownFields ? readOwnFields(ownFields, data) : undefined;
	if (own) values.own = own.values;
	const formKeys = ownKeys(ownFields);
	const parsedDatos = parseDatos(values.datos, formKeys);
	if (!parsedDatos.ok) return { ok: false, issues: parsedDatos.issues, values };
	const candidate: Record<string, unknown> = {
		...parsedDatos.data,
		...own?.data,
		...extra,
		slug,
		title: values.title,
		responsible: values.responsible,
		updatedAt: today,
		body: values.body.trim()
	};
	if (values.summary) candidate.summary = values.summary;
	if (values.reviewBy) candidate.reviewBy = values.reviewBy;
	const checked = checkForm(contentInputSchemas[type], candidate, {
		place: placeIn(formKeys),
		rows: own?.rowNumbers
	});
	if (!checked.ok) return { ok: false, issues: rowTexts(checked.issues, ownFields), values };
	return { ok: true, input: checked.data as ContentInput, values };
}

/** The YAML box; `formKeys` are fields with controls of their own, refused in it like the common ones. */
/** A row of a list of texts (`steps`) is its one box, `text`: "steps.text" in row n. */
function rowTexts(issues: FormIssue[], fields: readonly OwnField[] = []): FormIssue[] {
	const scalarRows = fields.filter((f) => f.control === 'rows' && f.scalar).map((f) => f.key);
	return issues.map((i) =>
		i.row !== undefined && scalarRows.includes(i.path) ? { ...i, path: `${i.path}.text` } : i
	);
}

function parseDatos(
	source: string,
	formKeys: readonly string[]
): { ok: true; data: Record<string, unknown> } | { ok: false; issues: FormIssue[] } {
	if (!source.trim()) return { ok: true, data: {} };
	let data: unknown;
	try {
		data = parseYaml(source, { schema: 'core', maxAliasCount: 10 });
	} catch (e) {
		const pos = e instanceof YAMLParseError ? e.linePos?.[0] : undefined;
		return {
			ok: false,
			issues: [
				{
					path: 'datos',
					code: 'yaml_invalido',
					...(pos ? { at: { line: pos.line, column: pos.col } } : {})
				}
			]
		};
	}
	if (data === null || data === undefined) return { ok: true, data: {} };
	if (typeof data !== 'object' || Array.isArray(data)) {
		return { ok: false, issues: [{ path: 'datos', code: 'yaml_no_es_lista' }] };
	}
	const own = Object.keys(data).filter((k) => isCommon(k) || k === 'type' || formKeys.includes(k));
	if (own.length) {
		return {
			ok: false,
			issues: own.map((k): FormIssue => ({ path: `datos.${k}`, code: 'campo_propio' }))
		};
	}
	return { ok: true, data: normaliseDates(data) as Record<string, unknown> };
}

/** YAML turns bare dates into Date objects; the schemas want ISO strings. */
function normaliseDates(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (Array.isArray(value)) return value.map(normaliseDates);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDates(v)]));
	}
	return value;
}

/**
 * The editor's values for a stored input (a draft's, a revision's or the published item's) of
 * `type`: its own form's values, and YAML for whatever that form does not cover.
 */
export function editorValues(type: ContentType, input: Record<string, unknown>): EditorValues {
	const ownFields = ownFieldsOf(type);
	const formKeys = ownKeys(ownFields);
	const rest = Object.fromEntries(
		Object.entries(input).filter(
			([k]) =>
				!isCommon(k) &&
				!formKeys.includes(k) &&
				!k.startsWith('_') &&
				!['type', 'html', 'responsibleName'].includes(k)
		)
	);
	const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string) : '');
	return {
		slug: str('slug'),
		title: str('title'),
		summary: str('summary'),
		responsible: str('responsible'),
		reviewBy: str('reviewBy'),
		body: str('body'),
		datos: Object.keys(rest).length ? stringifyYaml(rest, { lineWidth: 0 }) : '',
		...(ownFields ? { own: ownValuesOf(ownFields, input) } : {})
	};
}

/** The values a new item of `type` starts from: its template, in the form or the YAML box. */
export function newEditorValues(
	type: ContentType,
	template: string,
	common: Omit<EditorValues, 'datos' | 'own'>
): EditorValues {
	if (!ownFieldsOf(type)) return { ...common, datos: template };
	const parsed = parseDatos(template, []);
	const { datos, own } = editorValues(type, parsed.ok ? parsed.data : {});
	return { ...common, datos, own };
}

/** The input fields of a stored document (what an editor could have typed). */
export function inputOf(type: ContentType, doc: Record<string, unknown>): Record<string, unknown> {
	const keys = Object.keys(contentInputSchemas[type].shape);
	return Object.fromEntries(Object.entries(doc).filter(([k]) => keys.includes(k)));
}
