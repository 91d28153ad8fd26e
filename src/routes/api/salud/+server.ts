import { json } from '@sveltejs/kit';
import { storeHealth } from '$lib/server/store/health';
import { apiError } from '$lib/server/http/api-error';
import type { RequestHandler } from './$types';

/**
 * Health for load balancers and tests: 200 when the store can be read and written, else 503
 * `almacen_no_disponible` in Spanish with what failed (`lectura` or `escritura`), so a balancer
 * takes this server out while its store is down and puts it back when the store returns.
 */
export const GET: RequestHandler = async () => {
	const headers = { 'cache-control': 'no-store' };
	const health = await storeHealth();
	if (health.ok) return json({ ok: true, contentDocs: health.contentDocs }, { headers });
	return apiError('almacen_no_disponible', { detail: { failed: health.failed }, headers });
};
