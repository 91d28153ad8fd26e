/**
 * The interim admin API, until the back office with real accounts arrives (issue #4): one
 * shared bearer token from `ADMIN_TOKEN`. Without it the admin API is off (503), so a
 * deployment that forgot to set it is closed, not open.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { EventDoc, EventInput, RequestDoc } from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { apiError } from '$lib/server/http/api-error';
import { adminToken } from './config';
import { claimDocId, requestDocId, type ClaimDoc } from './docs';
import { appendEvent } from './events';

/** Who events created through this API are attributed to. */
export const ADMIN_API_ACTOR = 'administrador (API)';

const digest = (text: string) => new Uint8Array(createHash('sha256').update(text, 'utf8').digest());

/**
 * Checks `Authorization: Bearer <ADMIN_TOKEN>`. Returns the error response to send, or `null`
 * when the caller is the administrator. Both sides are hashed first so the constant-time
 * comparison also hides the token's length.
 */
export function checkAdmin(request: Request): Response | null {
	const token = adminToken();
	if (!token) {
		return apiError(
			503,
			'admin_deshabilitado',
			'La API de administración está deshabilitada (falta ADMIN_TOKEN en el servidor).'
		);
	}
	const m = /^Bearer ([\x21-\x7e]{1,512})$/.exec(request.headers.get('authorization') ?? '');
	if (!m || !timingSafeEqual(digest(m[1] ?? ''), digest(token))) {
		return apiError(
			401,
			'no_autorizado',
			'Credenciales de administración ausentes o inválidas.',
			undefined,
			{
				'www-authenticate': 'Bearer realm="ventanilla-admin"'
			}
		);
	}
	return null;
}

export interface AdminListItem {
	id: string;
	radicado: string;
	form: string;
	receivedAt: string;
	capturedAt: string;
	deadline: RequestDoc['deadline'];
}

/** Every filed request, by radicado (for tests and operations; the back office will page). */
export async function listRequests(): Promise<{ total: number; items: AdminListItem[] }> {
	const docs = await couch().range<RequestDoc>(DB.requests, 'solicitud:', 'solicitud:\ufff0');
	const items = docs
		.filter((d) => d.type === 'solicitud')
		.map(({ id, radicado, form, receivedAt, capturedAt, deadline }) => ({
			id,
			radicado,
			form,
			receivedAt,
			capturedAt,
			deadline
		}))
		.sort((a, b) => (a.radicado < b.radicado ? -1 : a.radicado > b.radicado ? 1 : 0));
	return { total: items.length, items };
}

/** The filed request that holds `radicado`, or null (unknown, or a claim without request). */
export async function findByRadicado(radicado: string): Promise<RequestDoc | null> {
	const claim = await couch().get<ClaimDoc>(DB.requests, claimDocId(radicado));
	if (!claim) return null;
	const doc = await couch().get<RequestDoc>(DB.requests, requestDocId(claim.solicitud));
	return doc && doc.radicado === radicado ? doc : null;
}

/**
 * Records an event (status change, answer…) for the request with `radicado`, attributed to the
 * interim admin API.
 * @returns the stored event, or null when no request holds `radicado`.
 */
export async function addEvent(
	radicado: string,
	input: EventInput,
	by = ADMIN_API_ACTOR,
	now = new Date()
): Promise<EventDoc | null> {
	const solicitud = await findByRadicado(radicado);
	if (!solicitud) return null;
	return (await appendEvent(solicitud, input, { by }, { now })).doc;
}
