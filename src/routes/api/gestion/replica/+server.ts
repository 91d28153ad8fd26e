import { apiUser } from '$lib/server/auth/guard';
import { replicaIndex } from '$lib/server/gestion/replica';
import { failureResponse, noStoreJson } from '$lib/server/solicitudes/http';
import type { RequestHandler } from './$types';

/** The ids and revisions of the requests and events this official's device should hold. */
export const GET: RequestHandler = async ({ locals }) => {
	const { user, refusal } = apiUser(locals, 'solicitudes.bandeja');
	if (refusal) return refusal;
	try {
		const docs = await replicaIndex(user);
		return noStoreJson({ total: docs.length, docs });
	} catch (e) {
		return failureResponse(e);
	}
};
