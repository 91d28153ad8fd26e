/**
 * The device's queue of answers to consultas, in IndexedDB, sent to the server when there is
 * a connection: the same rules as the request outbox (`$lib/outbox`), a separate table so a
 * survey answer never waits behind, or blocks, a request with photos.
 *
 * - The answer gets its client id when queued; the server counts it once per device whatever
 *   the number of retries.
 * - It leaves the queue only when the server confirms (or refuses it for good); the row then
 *   keeps that the device answered, without the answers.
 * - Retries, locks and recovery are the device's one queue engine's (`$lib/outbox/queue`).
 */
import { SYNC } from '$lib/policy';
import type { AppDb, AnswerRow } from '$lib/db';
import { createQueue, postJson } from '$lib/outbox/queue';
import { answersFlag } from '$lib/device-flags';

/** Meta key of the device's random key (see `deviceKey`). */
export const DEVICE_KEY = 'participacion.dispositivo';

/**
 * The device's random key (32 bytes, base64url), created on first use and kept in the Dexie
 * `meta` table. The server only ever stores its SHA-256; a kiosk reset deletes it with the
 * rest of the citizen's data, so the next person is a new device.
 */
export async function deviceKey(db: AppDb, crypto: Crypto = globalThis.crypto): Promise<string> {
	return db.transaction('rw', db.meta, async () => {
		const row = await db.meta.get(DEVICE_KEY);
		if (typeof row?.value === 'string') return row.value;
		const bytes = crypto.getRandomValues(new Uint8Array(32));
		const key = btoa(String.fromCharCode(...bytes))
			.replace(/\+/g, '-')
			.replace(/\//g, '_')
			.replace(/=+$/, '');
		await db.meta.put({ key: DEVICE_KEY, value: key });
		return key;
	});
}

/** Queues an answer; `add`, so an id already queued is never overwritten. */
export async function enqueueAnswer(
	db: AppDb,
	input: Pick<AnswerRow, 'consulta' | 'consultaTitle' | 'answers'>,
	now = Date.now(),
	id: string = crypto.randomUUID()
): Promise<AnswerRow> {
	const row: AnswerRow = {
		...input,
		deviceKey: await deviceKey(db),
		id,
		state: 'pendiente',
		attempts: 0,
		nextAttemptAt: now,
		queuedAt: now
	};
	await db.respuestas.add(row);
	answersFlag.set();
	return row;
}

/** The rows of one consulta on this device, newest first. */
export async function answersFor(db: AppDb, consulta: string): Promise<AnswerRow[]> {
	const rows = await db.respuestas.where('consulta').equals(consulta).toArray();
	return rows.sort((a, b) => b.queuedAt - a.queuedAt);
}

/** The answers queue of `db`. */
function answerQueue(db: AppDb) {
	return createQueue({
		lock: SYNC.answers,
		table: db.respuestas,
		keyOf: (row: AnswerRow) => row.id,
		async send(row, fetchFn) {
			// An answer given before a kiosk reset keeps the key of the person who gave it.
			const key = row.deviceKey ?? (await deviceKey(db));
			return postJson(
				fetchFn,
				`/api/consultas/${encodeURIComponent(row.consulta)}/respuestas`,
				{ id: row.id, deviceKey: key, answers: row.answers },
				(body) => {
					const receivedAt = (body as { receivedAt?: unknown } | null)?.receivedAt;
					return typeof receivedAt === 'string' ? receivedAt : null;
				}
			);
		},
		async onConfirmed(row, receivedAt) {
			// What the citizen chose leaves the device; that this device answered stays.
			await db.respuestas.update(row.id, {
				state: 'confirmada',
				answers: {},
				deviceKey: undefined,
				confirmedAt: receivedAt,
				lastError: undefined
			});
		}
	});
}

export interface AnswerFlush {
	confirmed: number;
	pending: number;
}

/** Sends every due answer, one at a time. */
export async function flushAnswers(
	db: AppDb,
	fetchFn: typeof fetch = fetch,
	now: () => number = Date.now
): Promise<AnswerFlush> {
	const report = await answerQueue(db).run(fetchFn, now);
	return { confirmed: report.confirmed.length, pending: report.pending };
}

/** When the next waiting answer is due (ms), or null. */
export const nextAnswerDue = (db: AppDb) => answerQueue(db).nextDue();

/** Makes every waiting answer due now (the connection just came back). */
export const makeAnswersDue = (db: AppDb, now = Date.now()) => answerQueue(db).makeAllDue(now);
