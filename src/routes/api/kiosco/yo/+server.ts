import { apiError } from '$lib/server/http/api-error';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import { kioskHandInKey } from '$lib/server/requests/hand-in';
import type { RequestHandler } from './$types';

/**
 * What this device is as a kiosk (`KioskInfo`) with the key of its enrolment that signs when
 * each citizen handed their request in; or 404 `no_es_kiosco` when its cookie is missing,
 * replaced or revoked: the device then leaves kiosk mode.
 */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.kiosk) {
		return apiError('no_es_kiosco', { headers: { 'cache-control': 'no-store' } });
	}
	try {
		const handInKey = await kioskHandInKey(locals.kiosk.kioskId);
		return noStoreJson({ ...locals.kiosk, ...(handInKey ? { handInKey } : {}) });
	} catch (e) {
		return storeFailure(e);
	}
};
