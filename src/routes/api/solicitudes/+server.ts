import { apiError } from '$lib/server/api-error';
import { fileRequest } from '$lib/server/requests/file-request';
import {
	failureResponse,
	MAX_SUBMISSION_BYTES,
	noStoreJson,
	readJsonBody
} from '$lib/server/requests/http';
import type { RequestHandler } from './$types';

/**
 * Files a request from a device's outbox: 201 with `{ id, radicado, receivedAt, deadline }`,
 * 200 with the same receipt when the same request is sent again, 4xx with a code when it can
 * never be filed as sent, 5xx when the device should retry later.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const body = await readJsonBody(request, MAX_SUBMISSION_BYTES);
	if (!body.ok) return body.response;
	try {
		const outcome = await fileRequest(body.value, { capturer: locals.user });
		if (outcome.ok) return noStoreJson(outcome.receipt, outcome.status);
		return apiError(outcome.status, outcome.code, outcome.message, outcome.detail);
	} catch (e) {
		return failureResponse(e);
	}
};
