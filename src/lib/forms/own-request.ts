/**
 * What the citizen's own-request forms (withdraw, complete) share on the page: the radicado a
 * tracking link brings in its address, and why a well-formed form changed nothing.
 */
import { m } from '$lib/paraglide/messages';

/** The radicado from `?radicado=` (never the PIN), cleaned to what a radicado can hold. */
export const prefilledRadicado = (url: URL): string =>
	(url.searchParams.get('radicado') ?? '')
		.toUpperCase()
		.replace(/[^A-Z0-9-]/g, '')
		.slice(0, 20);

/** Why nothing was done although the fields were well formed, or ''. */
export function ownRequestProblem(
	result: { tooMany?: boolean; refusal?: string } | null | undefined,
	refusalText: (code: string) => string
): string {
	if (!result) return '';
	if (result.tooMany) return m.tracking_too_many();
	if (result.refusal === 'no_encontrado') return m.tracking_not_found();
	return result.refusal ? refusalText(result.refusal) : '';
}

/** A field's error code as text (`formato` of a radicado or PIN: "not valid"). */
export function ownRequestFieldError(code: string | undefined): string | undefined {
	if (!code) return undefined;
	if (code === 'requerido') return m.form_error_requerido();
	if (code === 'muy_largo') return m.form_error_muy_largo();
	return m.tracking_invalid();
}
