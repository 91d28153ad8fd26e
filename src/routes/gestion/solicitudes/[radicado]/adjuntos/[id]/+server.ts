import { failWith } from '$lib/errors';
import { canSeeRequest } from '$lib/domain/permissions';
import { requirePermission } from '$lib/server/auth/guard';
import { couch, DB } from '$lib/server/couch';
import { allRequests } from '$lib/server/backoffice/requests';
import type { RequestHandler } from './$types';

/** A request's attachment, for the officials who may see the request. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'solicitudes.bandeja');
	const stored = (await allRequests()).get(params.radicado);
	const meta = stored?.doc.attachments.find((a) => a.id === params.id);
	if (!stored || !meta || !canSeeRequest(user, stored.scope)) {
		failWith('no_encontrado', 'Adjunto no encontrado');
	}
	const res = await couch().fetch(
		`${DB.requests}/${encodeURIComponent(stored.doc._id)}/${encodeURIComponent(meta.id)}`,
		{ headers: { accept: meta.type } }
	);
	if (!res.ok || !res.body) failWith('almacen_no_disponible', 'Almacén no disponible');
	// The citizen's file name is shown in the list, never trusted in a header.
	const ext = {
		'image/jpeg': 'jpg',
		'image/png': 'png',
		'image/webp': 'webp',
		'application/pdf': 'pdf'
	}[meta.type];
	return new Response(res.body, {
		headers: {
			'content-type': meta.type,
			'content-disposition': `attachment; filename="${params.radicado}-${meta.id.slice(0, 8)}.${ext}"`,
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};
