/**
 * The generic content editor's form: common fields (title, summary, responsible office, review
 * date, Markdown body) plus the type's own fields as YAML ("Datos específicos"). Everything is
 * validated with the type's Zod input schema, with Spanish messages that name the field path
 * (`requirements.0.text: …`), so a funcionario can find the line to fix.
 */
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { contentInputSchemas, type ContentInput, type ContentType } from '$lib/schemas';

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

export interface EditorValues {
	slug: string;
	title: string;
	summary: string;
	responsible: string;
	reviewBy: string;
	body: string;
	datos: string;
}

export type EditorFormResult =
	| { ok: true; input: ContentInput; values: EditorValues }
	| { ok: false; errors: string[]; values: EditorValues };

const spanish = z.locales.es().localeError;

const text = (data: FormData, name: string) => {
	const v = data.get(name);
	// Browsers send CRLF in textareas; stored text uses LF.
	return typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
};

/** Reads the posted editor form into a valid input for `type`, or Spanish errors. */
export function readEditorForm(
	type: ContentType,
	slug: string,
	data: FormData,
	today: string,
	extra: Record<string, unknown> = {}
): EditorFormResult {
	const values: EditorValues = {
		slug,
		title: text(data, 'title').trim(),
		summary: text(data, 'summary').trim(),
		responsible: text(data, 'responsible').trim(),
		reviewBy: text(data, 'reviewBy').trim(),
		body: text(data, 'body'),
		datos: text(data, 'datos')
	};
	const parsedDatos = parseDatos(values.datos);
	if (!parsedDatos.ok) return { ok: false, errors: parsedDatos.errors, values };
	const candidate: Record<string, unknown> = {
		...parsedDatos.data,
		...extra,
		slug,
		title: values.title,
		responsible: values.responsible,
		updatedAt: today,
		body: values.body.trim()
	};
	if (values.summary) candidate.summary = values.summary;
	if (values.reviewBy) candidate.reviewBy = values.reviewBy;
	const result = contentInputSchemas[type].safeParse(candidate, { error: spanish });
	if (!result.success) {
		return {
			ok: false,
			errors: result.error.issues.map((i) => `${i.path.join('.') || 'datos'}: ${i.message}`),
			values
		};
	}
	return { ok: true, input: result.data as ContentInput, values };
}

function parseDatos(
	source: string
): { ok: true; data: Record<string, unknown> } | { ok: false; errors: string[] } {
	if (!source.trim()) return { ok: true, data: {} };
	let data: unknown;
	try {
		data = parseYaml(source, { schema: 'core', maxAliasCount: 10 });
	} catch (e) {
		const where =
			e instanceof YAMLParseError && e.linePos?.[0]
				? ` (línea ${e.linePos[0].line}, columna ${e.linePos[0].col})`
				: '';
		return {
			ok: false,
			errors: [`datos: el texto de «Datos específicos» no es YAML válido${where}.`]
		};
	}
	if (data === null || data === undefined) return { ok: true, data: {} };
	if (typeof data !== 'object' || Array.isArray(data)) {
		return {
			ok: false,
			errors: ['datos: «Datos específicos» debe ser una lista de campos «nombre: valor».']
		};
	}
	const own = Object.keys(data).filter(
		(k) => (COMMON as readonly string[]).includes(k) || k === 'type'
	);
	if (own.length) {
		return {
			ok: false,
			errors: own.map(
				(k) => `${k}: este campo se edita en su propia casilla, no en «Datos específicos».`
			)
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

/** The editor's values for a stored input (a draft's, a revision's or the published item's). */
export function editorValues(input: Record<string, unknown>): EditorValues {
	const rest = Object.fromEntries(
		Object.entries(input).filter(
			([k]) =>
				!(COMMON as readonly string[]).includes(k) &&
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
		datos: Object.keys(rest).length ? stringifyYaml(rest, { lineWidth: 0 }) : ''
	};
}

/** The input fields of a stored document (what an editor could have typed). */
export function inputOf(type: ContentType, doc: Record<string, unknown>): Record<string, unknown> {
	const keys = Object.keys(contentInputSchemas[type].shape);
	return Object.fromEntries(Object.entries(doc).filter(([k]) => keys.includes(k)));
}
