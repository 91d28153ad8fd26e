import { checkAdmin, listRequests } from '$lib/server/requests/admin';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/** `{ total, items }`: every filed request, without personal data (tests and operations). */
export const GET: RequestHandler = async ({ request }) => {
	const denied = checkAdmin(request);
	if (denied) return denied;
	try {
		return noStoreJson(await listRequests());
	} catch (e) {
		return storeFailure(e);
	}
};
