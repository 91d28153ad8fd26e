import { json } from '@sveltejs/kit';
import { sealKeys } from '$lib/server/kiosk/keys';
import { storeFailure } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/**
 * The public key kiosks seal queued requests with (`{ kid, spki }`). Public by nature; a kiosk
 * fetches it at enrollment and keeps it, so it can seal while offline.
 */
export const GET: RequestHandler = async () => {
	try {
		const keys = await sealKeys();
		return json(keys.public, { headers: { 'cache-control': 'public, max-age=86400' } });
	} catch (e) {
		return storeFailure(e);
	}
};
