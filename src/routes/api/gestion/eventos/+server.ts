import { queuedActionSchema } from '$lib/schemas';
import { apiError } from '$lib/server/http/api-error';
import { apiUser } from '$lib/server/auth/guard';
import { actOnRequest } from '$lib/server/backoffice/request-actions';
import { issuesOf, readJsonBody } from '$lib/server/http/json-body';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import { isCleanText } from '$lib/schemas/text';
import type { RequestHandler } from './$types';

/**
 * An action an official took on their device, maybe offline: 201 when stored, 200 when the same
 * action (same `clientId`) was stored before, 4xx with a code when it can never be stored.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const { user, refusal } = apiUser(locals, 'solicitudes.bandeja');
	if (refusal) return refusal;
	const body = await readJsonBody(request, 256 * 1024);
	if (!body.ok) return body.response;
	const parsed = queuedActionSchema.safeParse(body.value);
	if (!parsed.success) {
		return apiError('evento_invalido', {
			detail: {
				issues: issuesOf(parsed.error)
			}
		});
	}
	const { clientId, radicado, at, event } = parsed.data;
	if ('text' in event && !isCleanText(event.text)) {
		return apiError('evento_invalido', {
			detail: {
				issues: [{ path: 'event.text', code: 'caracteres_no_permitidos' }]
			}
		});
	}
	try {
		const result = await actOnRequest(user, radicado, event, { clientId, deviceAt: new Date(at) });
		if (result.ok) return noStoreJson(result.event, result.created ? 201 : 200);
		return apiError(result.refusal, {
			detail: result.maxDueDate ? { maxDueDate: result.maxDueDate } : undefined
		});
	} catch (e) {
		return storeFailure(e);
	}
};
