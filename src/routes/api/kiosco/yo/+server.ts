import { apiError } from '$lib/server/http/api-error';
import { noStoreJson } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/**
 * What this device is as a kiosk (`KioskInfo`), or 404 `no_es_kiosco` when its cookie is
 * missing, replaced or revoked: the device then leaves kiosk mode.
 */
export const GET: RequestHandler = ({ locals }) =>
	locals.kiosk
		? noStoreJson(locals.kiosk)
		: apiError('no_es_kiosco', {
				headers: {
					'cache-control': 'no-store'
				}
			});
