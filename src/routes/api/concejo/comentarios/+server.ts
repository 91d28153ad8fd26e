import { refusalResponse } from '$lib/server/http/api-error';
import { submitComment } from '$lib/server/participation/comments';
import { readJsonBody } from '$lib/server/http/json-body';
import { noStoreJson, storeFailure, retryAfterHeader } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/** A comment is at most 2,000 characters (8,000 raw); anything far larger is refused unread. */
const MAX_COMMENT_BYTES = 32 * 1024;

/**
 * A citizen's comment on a proyecto de acuerdo, stored pending moderation: 201
 * `{ id, status: 'pendiente' }`, 200 with its current status for a repeat, 409 `conflicto_id`,
 * 400 `comentario_invalido` / `falta_consentimiento`, 403 `comentarios_cerrados`, 429.
 */
export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const body = await readJsonBody(request, MAX_COMMENT_BYTES);
	if (!body.ok) return body.response;
	try {
		const outcome = await submitComment(body.value, { address: getClientAddress() });
		if (outcome.ok) return noStoreJson(outcome.receipt, outcome.status);
		return refusalResponse(outcome, retryAfterHeader(outcome.retryAfter));
	} catch (e) {
		return storeFailure(e);
	}
};
