import { json } from '@sveltejs/kit';
import { couch, DB } from '$lib/server/couch';
import type { RequestHandler } from './$types';

/** Liveness and store reachability, for load balancers and tests. */
export const GET: RequestHandler = async () => {
	try {
		const info = await couch().info(DB.content);
		return json({ ok: true, contentDocs: info.doc_count });
	} catch {
		return json(
			{ ok: false, error: { code: 'almacen_no_disponible', message: 'El almacén no responde.' } },
			{ status: 503 }
		);
	}
};
