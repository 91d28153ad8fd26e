import { json } from '@sveltejs/kit';
import { statusOf, type ErrorCode, type Refusal } from '$lib/errors';
import { backOfficeErrorText } from '$lib/i18n/backoffice-error-text';

/** The Spanish text of a code, for JSON clients that are not our UI (curl, other systems). */
export const serverErrorText = (code: ErrorCode): string => backOfficeErrorText(code, 'es');

export interface ApiErrorOptions {
	/** Machine-readable: paths and codes, never the client's values. */
	detail?: unknown;
	headers?: Record<string, string>;
}

/**
 * A JSON error response `{ error: { code, message, detail? } }`: the status comes from the
 * catalogue (`$lib/errors`), the message from `messages/` in Spanish. Our UI ignores `message`
 * and renders the code in the reader's language.
 */
export function apiError(code: ErrorCode, { detail, headers }: ApiErrorOptions = {}): Response {
	const message = serverErrorText(code);
	return json(
		{ error: detail === undefined ? { code, message } : { code, message, detail } },
		{ status: statusOf(code), headers }
	);
}

/** The response for a feature's refusal. */
export const refusalResponse = (r: Refusal, headers?: Record<string, string>): Response =>
	apiError(r.code, { detail: r.detail, headers });
