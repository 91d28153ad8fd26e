/**
 * What tests do as an official, through the same routes and authorisation as any official: list
 * every filed request (as an administrator, through the officials' replica) and answer one
 * (through the events API).
 */
import { BackOffice } from './backoffice-client';

export interface FiledRequest {
	id: string;
	radicado: string;
	form: string;
	receivedAt: string;
	capturedAt: string;
	deadline: unknown;
	attachments: Array<{ id: string; name: string; type: string; size: number }>;
}

export interface Credentials {
	username: string;
	password: string;
}

const BATCH = 500;

/** Signs in with `who` (an administrador) and lists every request in the store, by radicado. */
export async function filedRequests(base: string, who: Credentials): Promise<FiledRequest[]> {
	const office = new BackOffice(base);
	const status = await office.signIn(who.username, who.password);
	if (status !== 303) throw new Error(`No se pudo ingresar como ${who.username}: ${status}`);
	const headers = { cookie: office.cookie ?? '', 'content-type': 'application/json' };
	const index = await fetch(`${base}/api/gestion/replica`, { headers });
	if (!index.ok) throw new Error(`Réplica: ${index.status}`);
	const ids = ((await index.json()) as { docs: Array<{ id: string }> }).docs
		.map((d) => d.id)
		.filter((id) => id.startsWith('solicitud:'));
	const out: FiledRequest[] = [];
	for (let i = 0; i < ids.length; i += BATCH) {
		const res = await fetch(`${base}/api/gestion/replica/_bulk_get`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ docs: ids.slice(i, i + BATCH).map((id) => ({ id })) })
		});
		if (!res.ok) throw new Error(`_bulk_get: ${res.status}`);
		const body = (await res.json()) as { results: Array<{ docs: Array<{ ok?: FiledRequest }> }> };
		for (const r of body.results) if (r.docs[0]?.ok) out.push(r.docs[0].ok);
	}
	await office.signOut();
	return out.sort((a, b) => (a.radicado < b.radicado ? -1 : a.radicado > b.radicado ? 1 : 0));
}

/**
 * Records an official answer to `radicado` through the officials' events API, signed in as `who`
 * (an administrador or the request's funcionario). Returns the HTTP status (201 when stored).
 */
export function answerRequest(
	base: string,
	who: Credentials,
	radicado: string,
	text: string
): Promise<number> {
	return actAsOfficial(base, who, radicado, { kind: 'respuesta', text });
}

/** Signs in as `who` and records `event` on the request through the events API; the status. */
export async function actAsOfficial(
	base: string,
	who: Credentials,
	radicado: string,
	event: { kind: string; text: string }
): Promise<number> {
	const office = new BackOffice(base);
	const status = await office.signIn(who.username, who.password);
	if (status !== 303) throw new Error(`No se pudo ingresar como ${who.username}: ${status}`);
	const { status: recorded } = await office.event(radicado, event);
	await office.signOut();
	return recorded;
}
