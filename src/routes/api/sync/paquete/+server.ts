import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/http/api-error';
import { packManifest } from '$lib/server/pack/pack-builder';
import type { RequestHandler } from './$types';

/** The offline pack's manifest, read by a device before its first pull (`$lib/sync/pack-apply`). */
export const GET: RequestHandler = async () => {
	try {
		return json(await packManifest(), { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		console.error(`Paquete sin conexión: el almacén falló (${String(e)})`);
		return apiError('almacen_no_disponible', { headers: { 'cache-control': 'no-store' } });
	}
};
