/**
 * Zod's issues as field error codes: forms show the text of a code from messages/, never
 * Zod's (English or Spanish) prose. The schemas' own refinements carry their code in
 * `params.code` (see `coded` in schemas/common.ts); Zod's built-in issues are mapped here.
 */
import type { z } from 'zod';
import { onePerPlace, type FormIssue } from './form-result';
import { isFieldErrorCode, type FieldErrorCode } from '../schemas/vocab';

type Issue = z.core.$ZodIssue;

const isMissing = (issue: Issue) => 'input' in issue && issue.input == null;
/** Missing, or left empty: an empty date box or "choose an option" is a missing answer. */
const isEmpty = (issue: Issue) => isMissing(issue) || ('input' in issue && issue.input === '');

/**
 * The field code of one issue. Parse with `reportInput: true` (as `checkForm` does), so a
 * missing value (`requerido`) can be told from a wrong one.
 */
export function fieldErrorCode(issue: Issue): FieldErrorCode {
	switch (issue.code) {
		case 'custom': {
			const code: unknown = issue.params?.code;
			return isFieldErrorCode(code) ? code : 'tipo_invalido';
		}
		case 'invalid_type':
			if (isMissing(issue)) return 'requerido';
			return ['number', 'int', 'bigint', 'nan'].includes(issue.expected)
				? 'numero_invalido'
				: 'tipo_invalido';
		case 'too_small':
			if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'requerido' : 'muy_corto';
			if (issue.origin === 'array' || issue.origin === 'set') return 'requerido';
			return 'fuera_de_rango';
		case 'too_big':
			if (issue.origin === 'string' || issue.origin === 'file') return 'muy_largo';
			if (issue.origin === 'array' || issue.origin === 'set') return 'demasiados';
			return 'fuera_de_rango';
		case 'invalid_format':
			if (isEmpty(issue)) return 'requerido';
			if (['date', 'datetime', 'time'].includes(issue.format)) return 'fecha_invalida';
			if (issue.format === 'email') return 'correo_invalido';
			if (issue.format === 'url') return 'enlace_invalido';
			return 'formato_invalido';
		case 'invalid_value':
			return isEmpty(issue) ? 'requerido' : 'opcion_invalida';
		case 'not_multiple_of':
			return 'numero_invalido';
		default:
			return 'tipo_invalido';
	}
}

export interface IssueOptions {
	/**
	 * Numbered row groups, by field: the form row (0-based, as in the field names) of the
	 * value at `index` of the checked array. Their issues get `row` (counted from 1) and the
	 * path `field.sub`; other arrays keep the index in the path (`requirements.0.text`).
	 */
	rows?: Record<string, (index: number) => number | undefined>;
	/** Turns a schema path into the form's path (e.g. the editor's `datos.` prefix). */
	place?: (path: string) => string;
}

/** A Zod error as form issues, one per place. */
export function formIssues(error: z.ZodError, options: IssueOptions = {}): FormIssue[] {
	return onePerPlace(
		error.issues.map((issue) => {
			const [field, index, ...rest] = issue.path;
			const rowOf = typeof field === 'string' ? options.rows?.[field] : undefined;
			const n = rowOf && typeof index === 'number' ? rowOf(index) : undefined;
			const segments = n === undefined ? issue.path : [field, ...rest];
			const path = segments.map(String).join('.');
			return {
				path: options.place ? options.place(path) : path,
				...(n !== undefined ? { row: n + 1 } : {}),
				code: fieldErrorCode(issue)
			};
		})
	);
}

/** Checks `value` against `schema`: the parsed data, or the issues as field codes. */
export function checkForm<S extends z.ZodType>(
	schema: S,
	value: unknown,
	options: IssueOptions = {}
): { ok: true; data: z.output<S> } | { ok: false; issues: FormIssue[] } {
	const parsed = schema.safeParse(value, { reportInput: true });
	return parsed.success
		? { ok: true, data: parsed.data }
		: { ok: false, issues: formIssues(parsed.error, options) };
}
