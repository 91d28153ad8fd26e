import { gunzipSync } from 'node:zlib';
import { apiError } from '$lib/server/http/api-error';
import { pickEncoding } from '$lib/server/couch/response-cache';
import { isListedSegment } from '$lib/server/pack/pack-builder';
import { segmentFile } from '$lib/server/pack/pack-store';
import { packSegmentHashSchema } from '$lib/schemas/pack';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'no-store' };

/**
 * One segment of the offline pack, compressed once when it was built. Its name is the hash of
 * its content, so it is cached for a year by the browser and any proxy on the way.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const hash = packSegmentHashSchema.safeParse(params.segmento);
	if (!hash.success) return apiError('no_encontrado', { headers: noStore });
	try {
		if (!(await isListedSegment(hash.data))) return apiError('no_encontrado', { headers: noStore });
		const encoding = pickEncoding(request.headers.get('accept-encoding'));
		const file = await segmentFile(hash.data, encoding === 'br' ? 'br' : 'gz');
		if (!file) return apiError('no_encontrado', { headers: noStore });
		const body = encoding === 'identity' ? new Uint8Array(gunzipSync(file)) : file;
		return new Response(body as BodyInit, {
			headers: {
				'content-type': 'application/json',
				'cache-control': 'public, max-age=31536000, immutable',
				etag: `"${hash.data}"`,
				vary: 'accept-encoding',
				...(encoding === 'identity' ? {} : { 'content-encoding': encoding })
			}
		});
	} catch (e) {
		console.error(`Paquete sin conexión: el almacén falló (${String(e)})`);
		return apiError('almacen_no_disponible', { headers: noStore });
	}
};
