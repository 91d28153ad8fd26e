/**
 * An official's actions on requests, queued on the device first (so they survive offline days,
 * reloads and restarts) and sent to `/api/gestion/eventos` by the device's one queue engine
 * (`$lib/outbox/queue`: retries with backoff, a lock across tabs, recovery). Each carries a
 * device-generated id, so a retry after a lost answer is stored once; the server's copy arrives
 * with the next replica pull, so a confirmed action simply leaves the queue.
 */
import type { ActionRow, AppDb } from '$lib/db';
import type { EventInput } from '$lib/schemas';
import { SYNC } from '$lib/policy';
import { createQueue, postJson, type RunReport } from '$lib/outbox/queue';

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
		attempts: 0,
		nextAttemptAt: now.getTime(),
		queuedAt: now.getTime()
	};
	await db.actions.add(row);
	return row;
}

/** The actions queue of `db`. */
export function actionsQueue(db: AppDb) {
	return createQueue({
		lock: SYNC.actions,
		table: db.actions,
		keyOf: (row: ActionRow) => row.clientId,
		send: (row, fetchFn) =>
			postJson(
				fetchFn,
				'/api/gestion/eventos',
				{ clientId: row.clientId, radicado: row.radicado, at: row.at, event: row.event },
				() => true as const
			),
		onConfirmed: async (row) => void (await db.actions.delete(row.clientId))
	});
}

export type ActionsFlush = RunReport<ActionRow, true>;

/** Sends every due action, oldest first; refused ones stay visible with the reason. */
export const flushActions = (
	db: AppDb,
	fetchFn: typeof fetch = fetch,
	now: () => number = Date.now
): Promise<ActionsFlush> => actionsQueue(db).run(fetchFn, now);
