import { apiError } from '$lib/server/http/api-error';
import { issuesOf, readJsonBody } from '$lib/server/http/json-body';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import {
	TrackingRefused,
	withTrackingLookups,
	trackingRequestSchema,
	trackRequests
} from '$lib/server/requests/tracking';
import type { RequestHandler } from './$types';

/** 50 items of radicado + PIN are ~4 KB; anything near this bound is not a tracking request. */
const MAX_BODY_BYTES = 32 * 1024;

/**
 * Status and answers of requests by radicado + PIN: `{ items: [TrackingView | null] }` in the
 * order asked. Each item counts as one lookup against the client address's allowance.
 */
export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const body = await readJsonBody(request, MAX_BODY_BYTES);
	if (!body.ok) return body.response;
	const parsed = trackingRequestSchema.safeParse(body.value);
	if (!parsed.success) {
		return apiError('seguimiento_invalido', {
			detail: {
				issues: issuesOf(parsed.error)
			}
		});
	}
	const { items } = parsed.data;
	try {
		const views = await withTrackingLookups(getClientAddress(), items.length, () =>
			trackRequests(items)
		);
		return noStoreJson({ items: views });
	} catch (e) {
		if (e instanceof TrackingRefused) {
			return apiError(e.code, { headers: { 'retry-after': String(e.retryAfter) } });
		}
		return storeFailure(e);
	}
};
