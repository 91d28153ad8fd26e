/**
 * An official's actions on requests, queued on the device first (so they survive offline days,
 * reloads and restarts) and sent to `/api/gestion/eventos` when there is a connection. Each
 * carries a device-generated id, so a retry after a lost answer is stored once.
 */
import type { ActionRow, AppDb } from '$lib/db';
import type { EventInput } from '$lib/schemas';

export async function queueAction(
	db: AppDb,
	radicado: string,
	event: EventInput,
	now = new Date()
): Promise<ActionRow> {
	const row: ActionRow = {
		clientId: crypto.randomUUID(),
		radicado,
		at: now.toISOString(),
		event,
		state: 'pendiente',
		attempts: 0
	};
	await db.actions.put(row);
	return row;
}

export interface ActionsFlush {
	sent: number;
	refused: number;
	/** True when the session has expired: the rest wait for the official to sign in. */
	needsSignIn: boolean;
	offline: boolean;
}

/** Sends every pending action, oldest first; refused ones stay visible with the reason. */
export async function flushActions(
	db: AppDb,
	fetchFn: typeof fetch = fetch
): Promise<ActionsFlush> {
	const out: ActionsFlush = { sent: 0, refused: 0, needsSignIn: false, offline: false };
	const rows = (await db.actions.where('state').equals('pendiente').toArray()).sort((a, b) =>
		a.at.localeCompare(b.at)
	);
	for (const row of rows) {
		let res: Response;
		try {
			res = await fetchFn('/api/gestion/eventos', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					clientId: row.clientId,
					radicado: row.radicado,
					at: row.at,
					event: row.event
				})
			});
		} catch {
			out.offline = true;
			return out;
		}
		if (res.ok) {
			// The server's copy arrives with the next replica pull.
			await db.actions.delete(row.clientId);
			out.sent++;
		} else if (res.status === 401) {
			out.needsSignIn = true;
			return out;
		} else if (res.status >= 500 || res.status === 429) {
			await db.actions.update(row.clientId, {
				attempts: row.attempts + 1,
				lastError: `http_${res.status}`
			});
			return out;
		} else {
			const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
			await db.actions.update(row.clientId, {
				state: 'rechazada',
				attempts: row.attempts + 1,
				lastError: body.error?.code ?? `http_${res.status}`
			});
			out.refused++;
		}
	}
	return out;
}
