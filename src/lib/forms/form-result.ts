/**
 * What a form reader answers, and the codes of what can be wrong with a field. Shared by the
 * server (the readers of posted forms) and the pages, which show the text of each code from
 * messages/ (`errorText`), so an English page shows English errors (STYLE habit 10).
 */
import type { FieldErrorCode } from '$lib/schemas/vocab';

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
