/**
 * The one outbox engine of the device: citizens' requests, officials' actions and consulta
 * answers are each a queue of rows in a Dexie table, sent by this code with the same state
 * machine (`policy.ts`: pendiente → enviando → confirmed, or back to pendiente with backoff, or
 * rechazada), the same lock and the same recovery. Each queue says only how to send one row and
 * what to keep once the server confirms it.
 *
 * Runs in pages and in the service worker (Background Sync), so it uses no DOM APIs. A run holds
 * a Web Lock named after the queue, shared by every tab and the worker; rows left `enviando`
 * when the lock is taken can only come from a run that died (a closed tab, a killed worker), so
 * they go back to the queue at the start of every run, inside the lock.
 */
import type { Table } from 'dexie';
import { transition, type Attempt } from './policy';

/** The fields every queued row has (its own fields besides). */
export interface QueuedRow {
	state: string;
	attempts: number;
	/** ms since epoch when the next attempt is due. */
	nextAttemptAt: number;
	/** ms since epoch; rows are sent oldest first. */
	queuedAt: number;
	/** Code of the last failure or of the server's refusal. */
	lastError?: string;
}

/** One attempt: the policy's outcomes, or the server's confirmation with what it answered. */
export type SendResult<Success> = Attempt | { kind: 'ok'; value: Success };

export interface QueueSpec<Row extends QueuedRow, Key, Success, Insert = Row> {
	/** The Web Lock and the name in logs. */
	lock: string;
	table: Table<Row, Key, Insert>;
	keyOf(row: Row): Key;
	/** One HTTP attempt; never throws for the network (answer `{ kind: 'network' }`). */
	send(row: Row, fetchFn: typeof fetch): Promise<SendResult<Success>>;
	/** What stays on the device once the server confirmed `row` (delete it, move it, mark it). */
	onConfirmed(row: Row, value: Success): Promise<void>;
}

export interface RunReport<Row, Success> {
	/** What the server confirmed in this run, in order. */
	confirmed: Array<{ row: Row; value: Success }>;
	/** Rows still waiting (due later) and rows refused for good, after the run. */
	pending: number;
	rejected: number;
	/** A row was refused with 401: the rest wait until the official signs in again. */
	needsSignIn: boolean;
	/** The network failed: the run stopped, the rest wait for the connection. */
	offline: boolean;
}

export interface Queue<Row extends QueuedRow, Success> {
	/** Sends every due row, oldest first, one at a time. */
	run(fetchFn?: typeof fetch, now?: () => number): Promise<RunReport<Row, Success>>;
	/** Makes every waiting row due now ("Enviar ahora", the connection is back). */
	makeAllDue(now?: number): Promise<void>;
	/** When the earliest waiting row is due (ms since epoch), or null when nothing waits. */
	nextDue(): Promise<number | null>;
	/** Rows in the queue's order, for the UI. */
	rows(): Promise<Row[]>;
}

export function createQueue<Row extends QueuedRow, Key, Success, Insert = Row>(
	spec: QueueSpec<Row, Key, Success, Insert>
): Queue<Row, Success> {
	const { table } = spec;
	const waiting = () => table.where('state').equals('pendiente');

	async function runLocked(fetchFn: typeof fetch, now: () => number) {
		const report: RunReport<Row, Success> = {
			confirmed: [],
			pending: 0,
			rejected: 0,
			needsSignIn: false,
			offline: false
		};
		await table
			.where('state')
			.equals('enviando')
			.modify({ state: 'pendiente' } as never);
		const due = await waiting()
			.filter((r) => r.nextAttemptAt <= now())
			.sortBy('queuedAt');
		for (const row of due) {
			const key = spec.keyOf(row);
			await table.update(key, { state: 'enviando' } as never);
			const result = await spec.send(row, fetchFn);
			if (result.kind === 'ok') {
				await spec.onConfirmed(row, result.value);
				report.confirmed.push({ row, value: result.value });
				continue;
			}
			const next = transition(row, result, now());
			await table.update(key, {
				state: next.to,
				attempts: next.attempts,
				lastError: next.lastError,
				...(next.to === 'pendiente' ? { nextAttemptAt: next.nextAttemptAt } : {})
			} as never);
			if (result.kind === 'network') {
				report.offline = true;
				break;
			}
			if (result.status === 401) {
				report.needsSignIn = true;
				break;
			}
		}
		[report.pending, report.rejected] = await Promise.all([
			waiting().count(),
			table.where('state').equals('rechazada').count()
		]);
		return report;
	}

	return {
		run(fetchFn = fetch, now = Date.now) {
			const go = () => runLocked(fetchFn, now);
			const locks = (globalThis.navigator as Navigator | undefined)?.locks;
			return locks ? locks.request(spec.lock, go) : go();
		},
		async makeAllDue(now = Date.now()) {
			await waiting().modify({ nextAttemptAt: now } as never);
		},
		async nextDue() {
			const first = await waiting().sortBy('nextAttemptAt');
			return first[0]?.nextAttemptAt ?? null;
		},
		rows: () => table.orderBy('queuedAt').toArray()
	};
}

/**
 * The usual `send`: make the request and read the answer. `ok` returns the confirmation from
 * the JSON body, or null when the body is not one: the attempt then counts as a server failure
 * (retried), never as a confirmation.
 */
export async function sendRequest<Success>(
	fetchFn: typeof fetch,
	url: string,
	init: RequestInit,
	ok: (body: unknown) => Success | null
): Promise<SendResult<Success>> {
	let res: Response;
	try {
		res = await fetchFn(url, init);
	} catch {
		return { kind: 'network' };
	}
	const json = (await res.json().catch(() => null)) as { error?: { code?: unknown } } | null;
	if (res.ok) {
		const value = ok(json);
		if (value !== null) return { kind: 'ok', value };
		return { kind: 'http', status: 502 };
	}
	const code = typeof json?.error?.code === 'string' ? json.error.code : undefined;
	return { kind: 'http', status: res.status, code };
}

/** `sendRequest` with a JSON body. */
export const postJson = <Success>(
	fetchFn: typeof fetch,
	url: string,
	body: unknown,
	ok: (body: unknown) => Success | null
) =>
	sendRequest(
		fetchFn,
		url,
		{ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
		ok
	);
