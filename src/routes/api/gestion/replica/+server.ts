import { apiUser } from '$lib/server/auth/guard';
import { replicaIndex } from '$lib/server/backoffice/replica';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/**
 * The ids and revisions of the requests and events this official's device should hold; with
 * `?since=<next of the previous answer>`, only what changed (see `replicaIndex`). A `since` that
 * is not understood is answered with the full list, which is always correct.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { user, refusal } = apiUser(locals, 'solicitudes.bandeja');
	if (refusal) return refusal;
	try {
		const index = await replicaIndex(user, url.searchParams.get('since'));
		return noStoreJson({ total: index.docs.length, ...index });
	} catch (e) {
		return storeFailure(e);
	}
};
