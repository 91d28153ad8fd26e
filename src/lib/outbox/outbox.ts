/**
 * The outbox: requests waiting for the server, in IndexedDB, sent by the device's one queue
 * engine (`queue.ts`: lock, retries, recovery). Runs in pages and in the service worker
 * (Background Sync). The server is idempotent on the request id, so a retry after a lost answer
 * files the request once.
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
import { sealedRequest, type SealedSubmission } from '$lib/crypto/seal';
import { provisionalCode } from './policy';
import { createQueue, sendRequest } from './queue';
import { fileWithPieces } from './attachment-pieces';
import { requestsFlag } from '$lib/device-flags';

/**
 * Moves a finished draft into the outbox in one transaction: from then on the request is kept
 * until the server confirms it, and the draft is gone (so it cannot be sent twice by mistake).
 */
export function enqueue(
	db: AppDb,
	draft: Pick<DraftRow, 'id' | 'formTitle'>,
	submission: Submission,
	now = Date.now()
): Promise<PlainOutboxRow> {
	return queueRow(db, draft.id, { id: submission.id, submission, formTitle: draft.formTitle }, now);
}

/**
 * A kiosk's {@link enqueue}: the request is stored sealed (see `$lib/crypto/seal.ts`), and its
 * draft is gone in the same transaction.
 */
export function enqueueSealed(
	db: AppDb,
	draftId: string,
	sealed: SealedSubmission,
	now = Date.now()
): Promise<SealedOutboxRow> {
	return queueRow(db, draftId, { id: sealed.id, sealed }, now);
}

async function queueRow<R extends OutboxRow>(
	db: AppDb,
	draftId: string,
	content: Omit<R, 'provisionalCode' | 'state' | 'attempts' | 'nextAttemptAt' | 'queuedAt'>,
	now: number
): Promise<R> {
	const row = {
		...content,
		provisionalCode: provisionalCode(content.id),
		state: 'pendiente',
		attempts: 0,
		nextAttemptAt: now,
		queuedAt: now
	} as R;
	await db.transaction('rw', db.outbox, db.drafts, async () => {
		// `add`, not `put`: a request already queued under this id is never overwritten.
		await db.outbox.add(row);
		await db.drafts.delete(draftId);
	});
	requestsFlag.set();
	return row;
}

/** What the server answers when it files a request. */
interface Filed {
	radicado: string;
	receivedAt: string;
	handedInAt?: string;
	deadline: RequestRow['deadline'];
}

const filedOf = (body: unknown): Filed | null => {
	const b = body as Partial<Filed> | null;
	return typeof b?.radicado === 'string' && typeof b.receivedAt === 'string'
		? {
				radicado: b.radicado,
				receivedAt: b.receivedAt,
				...(typeof b.handedInAt === 'string' ? { handedInAt: b.handedInAt } : {}),
				deadline: b.deadline ?? null
			}
		: null;
};

/** The citizen's copy of a filed request: radicado, PIN and what to track. */
const requestRowOf = (row: PlainOutboxRow, filed: Filed): RequestRow => ({
	radicado: filed.radicado,
	id: row.id,
	pin: row.submission.pin,
	formTitle: row.formTitle,
	capturedAt: row.submission.capturedAt,
	receivedAt: filed.receivedAt,
	...(filed.handedInAt ? { handedInAt: filed.handedInAt } : {}),
	deadline: filed.deadline,
	status: 'radicada',
	events: [],
	checkedAt: null,
	unannounced: true
});

/** What the server answered for a sealed request: the device keeps it only in memory. */
export interface SealedReceipt extends Filed {
	id: string;
}

/** The requests queue of `db`. */
function requestQueue(db: AppDb) {
	return createQueue({
		lock: SYNC.outbox,
		table: db.outbox,
		keyOf: (row: OutboxRow) => row.id,
		send(row, fetchFn) {
			if (row.sealed) {
				const { url, init } = sealedRequest(row.sealed);
				return sendRequest(fetchFn, url, init, filedOf);
			}
			// A retry goes on with the pieces of a photo already partly sent.
			return fileWithPieces(
				fetchFn,
				row.submission,
				{
					sent: row.piecesSent ?? {},
					record: (attachment, pieces) =>
						db.outbox.update(row.id, (stored) => {
							if (!stored.sealed)
								stored.piecesSent = { ...stored.piecesSent, [attachment]: pieces };
						})
				},
				filedOf
			);
		},
		async onConfirmed(row: OutboxRow, filed: Filed) {
			// A kiosk keeps neither the radicado nor the PIN: the citizen took them on the
			// receipt, and the next person must not find them here.
			if (row.sealed) return void (await db.outbox.delete(row.id));
			await db.transaction('rw', db.outbox, db.requests, async () => {
				await db.requests.put(requestRowOf(row, filed));
				await db.outbox.delete(row.id);
			});
		}
	});
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
	const report = await requestQueue(db).run(fetchFn, now);
	const filed: RequestRow[] = [];
	const sealedFiled: SealedReceipt[] = [];
	for (const { row, value } of report.confirmed) {
		if (row.sealed) sealedFiled.push({ id: row.id, ...value });
		else filed.push(requestRowOf(row, value));
	}
	return { filed, sealedFiled, pending: report.pending, rejected: report.rejected };
}

/** Makes every waiting item due now ("Enviar ahora"). Rejected items stay rejected. */
export const makeAllDue = (db: AppDb, now = Date.now()) => requestQueue(db).makeAllDue(now);

/** When the next waiting item is due (ms since epoch), or null when nothing waits. */
export const nextDue = (db: AppDb) => requestQueue(db).nextDue();
