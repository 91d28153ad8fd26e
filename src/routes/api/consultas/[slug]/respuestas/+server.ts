import { slugSchema } from '$lib/schemas';
import { apiError, refusalResponse } from '$lib/server/http/api-error';
import { submitAnswer } from '$lib/server/participation/answers';
import { readJsonBody } from '$lib/server/http/json-body';
import { noStoreJson, storeFailure, retryAfterHeader } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/** An answer is a few KB at most: 2,000 characters per text question, 30 questions. */
const MAX_ANSWER_BYTES = 256 * 1024;

/**
 * Stores an answer from a device's queue: 201 `{ id, receivedAt }`, 200 with the same receipt
 * for a repeat, 409 `ya_respondio` for another answer from the same device, 403
 * `consulta_cerrada`, 400 `respuesta_invalida` with `{ questions: { <id>: code } }`.
 */
export const POST: RequestHandler = async ({ params, request, getClientAddress }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) return apiError('id_invalido');
	const body = await readJsonBody(request, MAX_ANSWER_BYTES);
	if (!body.ok) return body.response;
	try {
		const outcome = await submitAnswer(slug.data, body.value, { address: getClientAddress() });
		if (outcome.ok) return noStoreJson(outcome.receipt, outcome.status);
		return refusalResponse(outcome, retryAfterHeader(outcome.retryAfter));
	} catch (e) {
		return storeFailure(e);
	}
};
