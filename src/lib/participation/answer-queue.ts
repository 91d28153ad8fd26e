/**
 * The device's queue of answers to consultas, in IndexedDB, sent to the server when there is
 * a connection: the same rules as the request outbox (`$lib/outbox`), a separate table so a
 * survey answer never waits behind, or blocks, a request with photos.
 *
 * - The answer gets its client id when queued; the server counts it once per device whatever
 *   the number of retries.
 * - It leaves the queue only when the server confirms (or refuses it for good); the row then
 *   keeps that the device answered, without the answers.
 * - Retries back off exponentially (`backoffMs`) and are serialised across tabs with a lock.
 */
import { SYNC } from '$lib/policy';
import type { AppDb, AnswerRow } from '$lib/db';
import { transition, type Attempt } from '$lib/outbox/policy';
import { answersFlag } from '$lib/device-flags';

const LOCK = SYNC.answers;
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

type AnswerAttempt = Attempt | { kind: 'confirmed'; receivedAt: string };

async function attemptSend(
	fetchFn: typeof fetch,
	row: AnswerRow,
	key: string
): Promise<AnswerAttempt> {
	let res: Response;
	try {
		res = await fetchFn(`/api/consultas/${encodeURIComponent(row.consulta)}/respuestas`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ id: row.id, deviceKey: key, answers: row.answers })
		});
	} catch {
		return { kind: 'network' };
	}
	const body = (await res.json().catch(() => ({}))) as {
		receivedAt?: string;
		error?: { code?: string };
	};
	if (res.ok && body.receivedAt) return { kind: 'confirmed', receivedAt: body.receivedAt };
	return { kind: 'http', status: res.status, code: body.error?.code };
}

export interface AnswerFlush {
	confirmed: number;
	pending: number;
}

/** Sends every due answer, one at a time. */
export function flushAnswers(
	db: AppDb,
	fetchFn: typeof fetch = fetch,
	now: () => number = Date.now
): Promise<AnswerFlush> {
	const run = () => flushLocked(db, fetchFn, now);
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	return locks ? locks.request(LOCK, run) : run();
}

async function flushLocked(db: AppDb, fetchFn: typeof fetch, now: () => number) {
	// Rows left "enviando" by a closed tab go back to the queue first.
	await db.respuestas.where('state').equals('enviando').modify({ state: 'pendiente' });
	const due = await db.respuestas
		.where('state')
		.equals('pendiente')
		.filter((r) => r.nextAttemptAt <= now())
		.sortBy('queuedAt');
	let confirmed = 0;
	if (due.length) {
		const current = await deviceKey(db);
		for (const row of due) {
			const key = row.deviceKey ?? current;
			await db.respuestas.update(row.id, { state: 'enviando' });
			const attempt = await attemptSend(fetchFn, row, key);
			if (attempt.kind === 'confirmed') {
				await db.respuestas.update(row.id, {
					state: 'confirmada',
					answers: {},
					deviceKey: undefined,
					confirmedAt: attempt.receivedAt,
					lastError: undefined
				});
				confirmed++;
				continue;
			}
			const next = transition(row, attempt, now());
			await db.respuestas.update(row.id, {
				state: next.to === 'pendiente' ? 'pendiente' : 'rechazada',
				attempts: 'attempts' in next ? next.attempts : row.attempts + 1,
				lastError: 'lastError' in next ? next.lastError : undefined,
				...(next.to === 'pendiente' ? { nextAttemptAt: next.nextAttemptAt } : {})
			});
		}
	}
	const pending = await db.respuestas.where('state').equals('pendiente').count();
	return { confirmed, pending };
}

/** When the next waiting answer is due (ms), or null. */
export async function nextAnswerDue(db: AppDb): Promise<number | null> {
	const rows = await db.respuestas.where('state').equals('pendiente').sortBy('nextAttemptAt');
	return rows[0]?.nextAttemptAt ?? null;
}

/** Makes every waiting answer due now (the connection just came back). */
export async function makeAnswersDue(db: AppDb, now = Date.now()): Promise<void> {
	await db.respuestas.where('state').equals('pendiente').modify({ nextAttemptAt: now });
}
