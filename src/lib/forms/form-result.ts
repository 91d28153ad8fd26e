/**
 * What a form reader answers, and the codes of what can be wrong with a field. Shared by the
 * server (the readers of posted forms) and the pages, which show the text of each code from
 * messages/ (`errorText`), so an English page shows English errors (STYLE habit 10).
 */

/** Codes of field errors; `errorText(code)` is their text. */
export const FIELD_ERROR_CODES = [
	// The form engine's, for citizens' forms (validate.ts, applicant.ts).
	'requerido',
	'muy_largo',
	'correo_invalido',
	'telefono_invalido',
	'numero_invalido',
	'fecha_invalida',
	'opcion_invalida',
	'tipo_invalido',
	'documento_invalido',
	// Back-office forms: from Zod issues (zod-issues.ts) and the schemas' refinements.
	'muy_corto',
	'fuera_de_rango',
	'demasiados',
	'formato_invalido',
	'caracteres_no_permitidos',
	'enlace_invalido',
	'antes_del_inicio',
	'avance_incompleto',
	'identificador_repetido',
	'faltan_opciones',
	'opciones_no_admitidas',
	'largo_no_admitido',
	'sensible_obligatorio',
	'falta_destino_formulario',
	'anonimo_no_permitido',
	// Back-office forms: checked by the readers and routes themselves.
	'direccion_reservada',
	'yaml_invalido',
	'yaml_no_es_lista',
	'campo_propio',
	'pdf_muy_grande',
	'no_es_pdf',
	'documento_grande',
	'documento_tipo'
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(FIELD_ERROR_CODES);
export const isFieldErrorCode = (value: unknown): value is FieldErrorCode =>
	typeof value === 'string' && KNOWN.has(value);

/** One thing wrong with a posted form. */
export interface FormIssue {
	/**
	 * The form field, then the place inside it after a dot: `title`, `evidence.href`,
	 * `datos.requirements.0.text`; `''` for the form as a whole.
	 */
	path: string;
	/** In a numbered row group: the row, counted from 1 as its labels say ("fila 2"). */
	row?: number;
	code: FieldErrorCode;
	/** Where in a multi-line text the problem is (a YAML syntax error), counted from 1. */
	at?: { line: number; column: number };
}

/**
 * What a back-office form reader answers: the valid input, or the issues; either way the values
 * to show in the form again, as the person typed them.
 */
export type FormResult<Input, Values> =
	{ ok: true; input: Input; values: Values } | { ok: false; issues: FormIssue[]; values: Values };

/** Whether `issue` is about `field` (the field itself or a place inside it), in `row` if given. */
export const concerns = (issue: FormIssue, field: string, row?: number): boolean =>
	(issue.path === field || issue.path.startsWith(`${field}.`)) &&
	(row === undefined || issue.row === row);

/** One issue per place (path and row), the first: a field shows one message at a time. */
export function onePerPlace(issues: readonly FormIssue[]): FormIssue[] {
	const seen = new Set<string>();
	return issues.filter((i) => {
		const place = `${i.path}#${i.row ?? ''}`;
		if (seen.has(place)) return false;
		seen.add(place);
		return true;
	});
}
