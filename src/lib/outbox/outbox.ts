/**
 * The outbox: requests waiting for the server, in IndexedDB. Runs in pages and in the service
 * worker (Background Sync), so it uses no DOM APIs. Sending is serialised across tabs and the
 * worker with a Web Lock where available; the server is idempotent on the request id anyway.
 */
import { SYNC } from '$lib/policy';
import type {
	AppDb,
	DraftRow,
	OutboxRow,
	PlainOutboxRow,
	RequestRow,
	SealedOutboxRow
} from '$lib/db';
import type { Submission } from '$lib/schemas';
import { sealedRequest, type SealedSubmission } from '$lib/kiosk/seal';
import { provisionalCode, transition, type Attempt } from './policy';
import { requestsFlag } from '$lib/device-flags';

const LOCK = SYNC.outbox;

/**
 * Moves a finished draft into the outbox in one transaction: from then on the request is kept
 * until the server confirms it, and the draft is gone (so it cannot be sent twice by mistake).
 */
export async function enqueue(
	db: AppDb,
	draft: Pick<DraftRow, 'id' | 'formTitle'>,
	submission: Submission,
	now = Date.now()
): Promise<PlainOutboxRow> {
	const row: PlainOutboxRow = {
		id: submission.id,
		submission,
		formTitle: draft.formTitle,
		provisionalCode: provisionalCode(submission.id),
		state: 'pendiente',
		attempts: 0,
		nextAttemptAt: now,
		queuedAt: now
	};
	await db.transaction('rw', db.outbox, db.drafts, async () => {
		// `add`, not `put`: a request already queued under this id is never overwritten.
		await db.outbox.add(row);
		await db.drafts.delete(draft.id);
	});
	requestsFlag.set();
	return row;
}

/**
 * A kiosk's {@link enqueue}: the request is stored sealed (see `$lib/kiosk/seal.ts`), and its
 * draft is gone in the same transaction.
 */
export async function enqueueSealed(
	db: AppDb,
	draftId: string,
	sealed: SealedSubmission,
	now = Date.now()
): Promise<SealedOutboxRow> {
	const row: SealedOutboxRow = {
		id: sealed.id,
		sealed,
		provisionalCode: provisionalCode(sealed.id),
		state: 'pendiente',
		attempts: 0,
		nextAttemptAt: now,
		queuedAt: now
	};
	await db.transaction('rw', db.outbox, db.drafts, async () => {
		await db.outbox.add(row);
		await db.drafts.delete(draftId);
	});
	return row;
}

/** Items left "enviando" by a closed tab or a killed worker go back to the queue. */
export async function recoverInterrupted(db: AppDb): Promise<void> {
	await db.outbox.where('state').equals('enviando').modify({ state: 'pendiente' });
}

/** Makes every waiting item due now ("Enviar ahora"). Rejected items stay rejected. */
export async function makeAllDue(db: AppDb, now = Date.now()): Promise<void> {
	await db.outbox.where('state').equals('pendiente').modify({ nextAttemptAt: now });
}

async function attemptSend(fetchFn: typeof fetch, item: OutboxRow): Promise<Attempt> {
	let res: Response;
	try {
		if (item.sealed) {
			const { url, init } = sealedRequest(item.sealed);
			res = await fetchFn(url, init);
		} else {
			res = await fetchFn('/api/solicitudes', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(item.submission)
			});
		}
	} catch {
		return { kind: 'network' };
	}
	const body = (await res.json().catch(() => ({}))) as {
		radicado?: string;
		receivedAt?: string;
		deadline?: RequestRow['deadline'];
		error?: { code?: string };
	};
	if (res.ok && body.radicado && body.receivedAt) {
		return {
			kind: 'filed',
			radicado: body.radicado,
			receivedAt: body.receivedAt,
			deadline: body.deadline ?? null
		};
	}
	return { kind: 'http', status: res.status, code: body.error?.code };
}

/** What the server answered for a sealed request: the device keeps it only in memory. */
export interface SealedReceipt {
	id: string;
	radicado: string;
	receivedAt: string;
	deadline: RequestRow['deadline'];
}

export interface FlushResult {
	filed: RequestRow[];
	/** Sealed (kiosk) requests filed in this run; nothing of them is stored on the device. */
	sealedFiled: SealedReceipt[];
	pending: number;
	rejected: number;
}

/** Sends every item that is due, one at a time; resolves with what happened. */
export async function flushOutbox(
	db: AppDb,
	fetchFn: typeof fetch = fetch,
	now: () => number = Date.now
): Promise<FlushResult> {
	const run = () => flushLocked(db, fetchFn, now);
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	return locks ? locks.request(LOCK, run) : run();
}

async function flushLocked(
	db: AppDb,
	fetchFn: typeof fetch,
	now: () => number
): Promise<FlushResult> {
	const filed: RequestRow[] = [];
	const sealedFiled: SealedReceipt[] = [];
	const due = await db.outbox
		.where('state')
		.equals('pendiente')
		.filter((i) => i.nextAttemptAt <= now())
		.sortBy('queuedAt');
	for (const item of due) {
		await db.outbox.update(item.id, { state: 'enviando' });
		const attempt = await attemptSend(fetchFn, item);
		const next = transition(item, attempt, now());
		if (next.to === 'filed' && attempt.kind === 'filed' && item.sealed) {
			// A kiosk keeps neither the radicado nor the PIN: the citizen took them on the
			// receipt, and the next person must not find them here.
			await db.outbox.delete(item.id);
			sealedFiled.push({
				id: item.id,
				radicado: attempt.radicado,
				receivedAt: attempt.receivedAt,
				deadline: attempt.deadline as RequestRow['deadline']
			});
		} else if (next.to === 'filed' && attempt.kind === 'filed' && item.submission) {
			const request: RequestRow = {
				radicado: attempt.radicado,
				id: item.id,
				pin: item.submission.pin,
				formTitle: item.formTitle,
				capturedAt: item.submission.capturedAt,
				receivedAt: attempt.receivedAt,
				deadline: attempt.deadline as RequestRow['deadline'],
				status: 'radicada',
				events: [],
				checkedAt: null
			};
			await db.transaction('rw', db.outbox, db.requests, async () => {
				await db.requests.put(request);
				await db.outbox.delete(item.id);
			});
			filed.push(request);
		} else if (next.to !== 'filed') {
			await db.outbox.update(item.id, {
				state: next.to,
				attempts: next.attempts,
				lastError: next.lastError,
				...(next.to === 'pendiente' ? { nextAttemptAt: next.nextAttemptAt } : {})
			});
		}
	}
	const [pending, rejected] = await Promise.all([
		db.outbox.where('state').equals('pendiente').count(),
		db.outbox.where('state').equals('rechazada').count()
	]);
	return { filed, sealedFiled, pending, rejected };
}

/** When the next waiting item is due (ms since epoch), or null when nothing waits. */
export async function nextDue(db: AppDb): Promise<number | null> {
	const first = await db.outbox.where('state').equals('pendiente').sortBy('nextAttemptAt');
	return first[0]?.nextAttemptAt ?? null;
}
