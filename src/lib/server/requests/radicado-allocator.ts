/**
 * Gives each filed request the next radicado of its yearly series: unique and consecutive
 * under concurrent submissions, across restarts and across several Node servers sharing one
 * CouchDB (or a CouchDB cluster), with no coordinator but the database.
 *
 * How:
 * - **Claims are the truth.** Number n of series `PG-2026` is taken by creating the document
 *   `radicado:PG-2026-00000n` without a `_rev` (create-only). CouchDB lets exactly one creator
 *   win; the others get a conflict and try later numbers. Claims are never updated or deleted
 *   (the design document forbids it), so the set of claims only grows.
 * - **A cluster's uncertain create is checked.** A CouchDB cluster answers 202 instead of 201
 *   when the create reached fewer nodes than its write quorum; during a partition another node
 *   may have accepted a create of the same number for another request (a conflict, not a 409).
 *   After a 202 the claim is read back with `conflicts=true`: the number is this request's only
 *   if the read shows one revision and it names this request. A conflicted claim is never used
 *   by the 202 side; it tries n + 1. So the worst a partition costs is a gap, never one number
 *   for two requests (the side that got a 201 keeps it).
 * - **The counter is a hint.** `contador:PG-2026` holds the last number some server claimed,
 *   updated best-effort after each claim. It only says where to start looking: the allocator
 *   reads the claims around it (one `_all_docs` range read) and starts after the last claim it
 *   sees. A hint that is behind costs a few 409s; a hint that is ahead of the claims (edited
 *   by hand, a restored backup) is detected and ignored, so it cannot create a gap.
 * - **One process, one queue, in batches.** A process numbers one batch of a series at a time:
 *   the requests that arrived while the previous batch was being claimed (up to 50) are
 *   numbered together in arrival order, with one `_bulk_docs` write for their attempt
 *   documents and one for their claims of n, n + 1, … So a burst of 100 submissions to one
 *   server costs a handful of round trips to the store, not 100 one after another, and never
 *   n² colliding claims.
 *   Claims lost to another server are claimed again after re-reading where the series ends; a
 *   number whose create the store refused for another reason is tried again first, so the
 *   batch leaves no hole below the numbers it did claim.
 * - **Numbers in time order.** A claim records when it was made (`at`), and that instant is the
 *   request's time of filing (`receivedAt`): number and time are assigned together. All claims
 *   of one round of a batch share one instant, taken as the round starts; a round never takes
 *   an instant earlier than a claim it has read (another server whose clock runs ahead), and a
 *   number refilled in a later round keeps the instant of the round that first tried it. A
 *   round that lost numbers to another server re-reads its numbers: a request whose number is
 *   above a claim the other server dated later is filed at that later instant. So along a
 *   series, a later number never has an earlier time. A round never claims in a year
 *   that is not its series': at midnight of 31 December the requests still waiting are numbered
 *   again in the new year's series ({@link RadicadoYearEndedError}).
 * - **A retry reuses its number, at any distance.** Before its first claim, a request's first
 *   attempt creates `intento:<id>` (create-only). A request whose attempt document is new has
 *   never claimed a number, so it looks no further (the common case costs one small write).
 *   One whose attempt document exists is a retry or a copy: it looks its earlier claim up in the
 *   view `radicados/por_solicitud` (claims by request id) and, if it finds one, files under
 *   that number, on any server and after any number of later filings: no gap, no second
 *   number. The view is read only for retries; each process keeps its index warm in the
 *   background so that rare read stays quick.
 *
 * The one gap left (see the README of this folder): a request whose claim succeeded but whose
 * write failed and that is never retried, or retried in another calendar year; and two copies
 * of one request in the claim step on two servers at the same instant, each starting from a
 * different end of the series. Each such gap is a claim naming the request it was given to.
 * (A store that keeps refusing one claim of a batch for 50 rounds while accepting the others,
 * which no CouchDB does for documents of one shape, would leave that number unclaimed.)
 */
import type { AttemptDoc, ClaimDoc, CounterDoc } from '$lib/schemas';
import { claimDocSchema, counterDocSchema } from '$lib/schemas';
import { bogotaDate } from '$lib/domain/calendar-date';
import { formatRadicado, MAX_RADICADO_NUMBER, radicadoSeries } from '$lib/domain/radicado';
import { CouchError, type CouchClient } from '$lib/server/couch/client';
import { attemptDocId, claimDocId, counterDocId } from './docs';

/** Claims before the hint read to check it (and to find a recent retry's claim for free). */
const CHECK_WINDOW = 50;
/** The view of `couchdb/ddocs/solicitudes/radicados`: claims keyed by request id. */
export const CLAIMS_VIEW = { ddoc: 'radicados', view: 'por_solicitud' } as const;
/** How long after a filing the claims-by-request view is brought up to date. */
const VIEW_REFRESH_MS = 30_000;
/** Claims after the hint read in the same request; more means the hint is far behind. */
const LOOKAHEAD = 20;
/** Most requests numbered together (one write for their attempts, one for their claims). */
const MAX_BATCH = 50;
/**
 * Give up (and let the device retry later) after this many rounds of claims in one batch, each
 * lost to other servers (every lost round re-reads where the series ends).
 */
const MAX_ROUNDS = 50;
/**
 * An allocation that takes longer than this (a store that hangs) releases the queue with an
 * error, so one stuck request cannot stop all filing. If the stuck claim completes later, it
 * names its request and that request's retry reuses it.
 */
const ALLOCATION_TIMEOUT_MS = 15_000;

export class RadicadoSeriesFullError extends Error {
	constructor(series: string) {
		super(`La serie de radicados ${series} está completa (${MAX_RADICADO_NUMBER})`);
		this.name = 'RadicadoSeriesFullError';
	}
}

export class RadicadoTimeoutError extends Error {
	constructor(series: string, ms: number) {
		super(`La asignación de un radicado de ${series} no terminó en ${ms} ms`);
		this.name = 'RadicadoTimeoutError';
	}
}

/**
 * The calendar year ended while the request waited for its number: it belongs to the new
 * year's series (the caller asks again with the current time).
 */
export class RadicadoYearEndedError extends Error {
	constructor(series: string) {
		super(`La serie ${series} terminó con el año mientras la solicitud esperaba su radicado`);
		this.name = 'RadicadoYearEndedError';
	}
}

export class RadicadoContentionError extends Error {
	constructor(series: string) {
		super(`No se pudo asignar un radicado de ${series} tras ${MAX_ROUNDS} rondas de intentos`);
		this.name = 'RadicadoContentionError';
	}
}

/** The series of a request received at `receivedAt`: prefix and Bogotá calendar year. */
export function seriesFor(prefix: string, receivedAt: Date): { series: string; year: number } {
	const year = Number(bogotaDate(receivedAt).slice(0, 4));
	return { series: radicadoSeries(prefix, year), year };
}

function withTimeout<T>(work: Promise<T>, ms: number, error: () => Error): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(error()), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** One claim seen in a range read. */
export interface ClaimRow {
	number: number;
	solicitud?: string;
	/** When it was claimed (ISO instant). */
	at?: string;
}

export type StartPlan =
	/** Try to claim from this number on. */
	| { kind: 'start'; number: number }
	/** The window cannot tell where the series ends: read its last claim. */
	| { kind: 'tail' };

/**
 * Decides where to start from the hint and the claims read from just before it (ascending).
 * Pure, so the rules are unit-tested: distrust a hint with no claim behind it; distrust a
 * window that was cut off by its limit.
 */
export function planStart(input: {
	hint: number;
	rows: readonly ClaimRow[];
	windowFull: boolean;
}): StartPlan {
	const { hint, rows, windowFull } = input;
	if (windowFull) return { kind: 'tail' };
	if (hint > 0 && !rows.some((r) => r.number === hint)) return { kind: 'tail' };
	const last = rows.at(-1)?.number ?? 0;
	return { kind: 'start', number: Math.max(last, hint) + 1 };
}

/** The claim of `number` for request `solicitud`, made at instant `at`. */
function claimDoc(
	series: string,
	radicado: string,
	number: number,
	solicitud: string,
	at: string
): ClaimDoc {
	return { _id: claimDocId(radicado), type: 'radicado', radicado, series, number, solicitud, at };
}

/** The latest of the claims' instants (0 when none is readable). */
const latest = (rows: readonly ClaimRow[]): number =>
	Math.max(0, ...rows.map((r) => (r.at ? Date.parse(r.at) : 0)).filter(Number.isFinite));

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** The consecutive of a claim id `radicado:PG-2026-000124`, or null for other ids. */
export function claimNumber(id: string, series: string): number | null {
	const prefix = `radicado:${series}-`;
	if (!id.startsWith(prefix)) return null;
	const digits = id.slice(prefix.length);
	return /^\d{6}$/.test(digits) ? Number(digits) : null;
}

export interface Allocation {
	radicado: string;
	series: string;
	number: number;
	/** When the number was claimed (ISO instant): the request's time of filing. */
	at: string;
	/** True when the request already held this number from an earlier attempt. */
	reused: boolean;
}

/** One request waiting for its number. */
interface Waiting {
	requestId: string;
	resolve: (allocation: Allocation) => void;
	reject: (error: unknown) => void;
}

/** What one request of a batch ends with. */
type Outcome = Allocation | Error;

export class RadicadoAllocator {
	/** Requests waiting for the batch in progress to end, per series. */
	readonly #waiting = new Map<string, Waiting[]>();
	/** Last number this process claimed per series: a lower bound that needs no read. */
	readonly #last = new Map<string, number>();
	/** Highest number the counter should show, per series, and series being written. */
	readonly #hintTarget = new Map<string, number>();
	readonly #hintWriting = new Set<string>();
	#viewRefresh: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly client: () => CouchClient,
		private readonly db: string,
		private readonly timeoutMs = ALLOCATION_TIMEOUT_MS,
		/** The server's clock: the time of record of every claim. */
		private readonly now: () => Date = () => new Date()
	) {}

	/**
	 * Claims the next radicado of the series of `receivedAt` for request `requestId`, or
	 * returns the one an earlier attempt of the same request claimed, with the instant of the
	 * claim.
	 * @throws {RadicadoSeriesFullError} after number 999999 of a year;
	 * {@link RadicadoYearEndedError} when the year ended before the number was claimed;
	 * {@link RadicadoContentionError} when other servers win every race for too long;
	 * {@link CouchError} when the store fails.
	 */
	allocate(input: { prefix: string; receivedAt: Date; requestId: string }): Promise<Allocation> {
		const { series, year } = seriesFor(input.prefix, input.receivedAt);
		return new Promise((resolve, reject) => {
			const queue = this.#waiting.get(series);
			const waiting = { requestId: input.requestId, resolve, reject };
			if (queue) {
				queue.push(waiting);
				return;
			}
			this.#waiting.set(series, [waiting]);
			void this.#drain(series, input.prefix, year);
		});
	}

	/**
	 * Numbers the series' waiting requests a batch at a time until none is left: requests that
	 * arrive while a batch is being claimed wait for the next one.
	 */
	async #drain(series: string, prefix: string, year: number): Promise<void> {
		for (;;) {
			const queue = this.#waiting.get(series) ?? [];
			if (!queue.length) {
				this.#waiting.delete(series);
				return;
			}
			const batch = queue.splice(0, MAX_BATCH);
			const ids = [...new Set(batch.map((w) => w.requestId))];
			try {
				const outcomes = await withTimeout(
					this.#allocateBatch(series, prefix, year, ids),
					this.timeoutMs,
					() => new RadicadoTimeoutError(series, this.timeoutMs)
				);
				for (const w of batch) {
					const outcome = outcomes.get(w.requestId);
					if (outcome instanceof Error || outcome === undefined) w.reject(outcome);
					else w.resolve(outcome);
				}
			} catch (e) {
				for (const w of batch) w.reject(e);
			}
		}
	}

	async #allocateBatch(
		series: string,
		prefix: string,
		year: number,
		ids: readonly string[]
	): Promise<Map<string, Outcome>> {
		const client = this.client();
		// The counter is read once per series and process (at start, or after a restart); from
		// then on this process's own last claim is the starting point, and the window read
		// below sees what other servers claimed meanwhile.
		let hint = this.#last.get(series);
		if (hint === undefined) {
			const counter = await client.getIfValid(this.db, counterDocId(series), counterDocSchema);
			hint = Number.isSafeInteger(counter?.last) ? (counter?.last ?? 0) : 0;
		}
		const radicado = (n: number) => formatRadicado({ prefix, year, number: n });
		const allocation = (number: number, at: string, reused: boolean): Allocation => ({
			radicado: radicado(number),
			series,
			number,
			at,
			reused
		});

		const from = Math.max(1, hint - CHECK_WINDOW);
		const limit = hint - from + 1 + LOOKAHEAD;
		const [rows, firsts] = await Promise.all([
			this.#claims(client, series, {
				startkey: claimDocId(radicado(from)),
				endkey: claimDocId(`${series}-999999`),
				limit
			}),
			this.#firstAttempts(client, ids)
		]);
		const outcomes = new Map<string, Outcome>();
		await Promise.all(
			ids.map(async (id, i) => {
				const first = firsts[i];
				if (first instanceof Error) return void outcomes.set(id, first);
				try {
					const seen = rows.find((r) => r.solicitud === id && r.at);
					const earlier = seen
						? { number: seen.number, at: seen.at as string }
						: first
							? null
							: await this.#earlierClaim(client, series, radicado, id);
					if (earlier) outcomes.set(id, allocation(earlier.number, earlier.at, true));
				} catch (e) {
					outcomes.set(id, asError(e));
				}
			})
		);

		let todo = ids.filter((id) => !outcomes.has(id));
		if (!todo.length) return outcomes;
		const plan = planStart({ hint, rows, windowFull: rows.length >= limit });
		/** The latest instant of a claim read: no claim of this batch is dated before it. */
		let floor = latest(rows);
		let next: number;
		if (plan.kind === 'start') next = plan.number;
		else {
			const tail = await this.#tail(client, series);
			floor = Math.max(floor, latest(tail));
			next = (tail[0]?.number ?? 0) + 1;
		}
		/** Numbers a failed create left unclaimed below claimed ones: filled first. */
		let holes: number[] = [];
		/** The instant of the round that first tried each number (a refilled hole keeps it). */
		const triedAt = new Map<number, string>();
		/** The store's refusal of a request's last claim, if that was why it is still waiting. */
		const refused = new Map<string, Error>();
		let highest = 0;
		for (let round = 0; todo.length && round < MAX_ROUNDS; round++) {
			const at = new Date(Math.max(this.now().getTime(), floor));
			if (seriesFor(prefix, at).year !== year) {
				for (const id of todo) outcomes.set(id, new RadicadoYearEndedError(series));
				todo = [];
				break;
			}
			const numbers = [...holes];
			while (numbers.length < todo.length && next <= MAX_RADICADO_NUMBER) numbers.push(next++);
			for (const id of todo.slice(numbers.length)) {
				outcomes.set(id, new RadicadoSeriesFullError(series));
			}
			const claims = todo.slice(0, numbers.length).map((id, i) => {
				const n = numbers[i] as number;
				if (!triedAt.has(n)) triedAt.set(n, at.toISOString());
				return { id, doc: claimDoc(series, radicado(n), n, id, triedAt.get(n) as string) };
			});
			if (!claims.length) break;
			const created = await client.bulkCreate(
				this.db,
				claims.map((c) => c.doc)
			);
			const lost: string[] = [];
			/** Requests that won their claim in this round. */
			const won: string[] = [];
			holes = [];
			await Promise.all(
				claims.map(async ({ id, doc }, i) => {
					const result = created.results[i];
					try {
						if (result?.ok) {
							if (created.quorum || (await this.#ownsUncertain(client, doc._id, id))) {
								outcomes.set(id, allocation(doc.number, doc.at, false));
								won.push(id);
								highest = Math.max(highest, doc.number);
							} else lost.push(id);
						} else if (result?.error === 'conflict') {
							// Another attempt of this same request, on another server, may have won it.
							const holder = await client.get(this.db, doc._id, claimDocSchema);
							if (holder?.solicitud === id) {
								outcomes.set(id, allocation(doc.number, holder.at, true));
							} else {
								lost.push(id);
								if (holder) floor = Math.max(floor, latest([holder]));
							}
						} else {
							// Neither created nor taken: the number stays free for the next round.
							holes.push(doc.number);
							lost.push(id);
							refused.set(id, new CouchError(500, result?.error ?? 'error', result?.reason ?? ''));
						}
					} catch (e) {
						outcomes.set(id, asError(e));
					}
				})
			);
			todo = claims.map((c) => c.id).filter((id) => lost.includes(id) && !outcomes.has(id));
			holes.sort((a, b) => a - b);
			// Numbers lost to other servers: the series moved on meanwhile, find its end.
			if (todo.length > holes.length) {
				const numbers = claims.map((c) => c.doc.number);
				const [tail, among] = await Promise.all([
					this.#tail(client, series),
					this.#claims(client, series, {
						startkey: claimDocId(radicado(Math.min(...numbers))),
						endkey: claimDocId(radicado(Math.max(...numbers))),
						limit: numbers.length
					})
				]);
				floor = Math.max(floor, latest(tail), latest(among));
				next = Math.max(next, (tail[0]?.number ?? 0) + 1);
				this.#dateAfterOthers(won, outcomes, among);
			}
		}
		for (const id of todo) {
			if (!outcomes.has(id))
				outcomes.set(id, refused.get(id) ?? new RadicadoContentionError(series));
		}
		if (highest) {
			this.#last.set(series, Math.max(highest, this.#last.get(series) ?? 0));
			this.#scheduleHint(series, highest);
			this.#scheduleViewRefresh();
		}
		return outcomes;
	}

	/**
	 * A claim another server won in the middle of this round's numbers may be dated after the
	 * numbers this round won above it (its clock, or its round, was later): those requests are
	 * filed at that claim's instant instead, so along the series time still never goes back.
	 * (Their claims keep the instant they were made.)
	 */
	#dateAfterOthers(won: string[], outcomes: Map<string, Outcome>, among: ClaimRow[]): void {
		for (const id of won) {
			const mine = outcomes.get(id);
			if (!mine || mine instanceof Error) continue;
			const below = latest(among.filter((r) => r.number < mine.number));
			if (below > Date.parse(mine.at)) {
				outcomes.set(id, { ...mine, at: new Date(below).toISOString() });
			}
		}
	}

	async #claims(
		client: CouchClient,
		series: string,
		query: { startkey: string; endkey: string; limit: number; descending?: boolean }
	): Promise<ClaimRow[]> {
		const rows = await client.allDocs(this.db, query, claimDocSchema);
		return rows.flatMap((r) => {
			const number = claimNumber(r.id, series);
			return number === null ? [] : [{ number, solicitud: r.doc?.solicitud, at: r.doc?.at }];
		});
	}

	/**
	 * Records each request's first numbering attempt in one write: true for a request seen for
	 * the first time, false for one recorded before (a retry or a copy, which may hold a claim
	 * already), or the store's error for that request.
	 */
	async #firstAttempts(
		client: CouchClient,
		ids: readonly string[]
	): Promise<Array<boolean | Error>> {
		const at = new Date().toISOString();
		const docs = ids.map((solicitud): AttemptDoc => ({
			_id: attemptDocId(solicitud),
			type: 'intento',
			solicitud,
			at
		}));
		const { results } = await client.bulkCreate(this.db, docs);
		return results.map((r) =>
			r.ok ? true : r.error === 'conflict' ? false : new CouchError(500, r.error, r.reason)
		);
	}

	/**
	 * The lowest number of the series an earlier attempt of `requestId` claimed, and when,
	 * found through the claims-by-request view however far back it is, or null.
	 */
	async #earlierClaim(
		client: CouchClient,
		series: string,
		radicado: (n: number) => string,
		requestId: string
	): Promise<{ number: number; at: string } | null> {
		const rows = await client.viewRows(this.db, CLAIMS_VIEW.ddoc, CLAIMS_VIEW.view, requestId);
		const numbers = rows.flatMap((r) => {
			const number = claimNumber(r.id, series);
			return number === null ? [] : [number];
		});
		if (!numbers.length) return null;
		const number = Math.min(...numbers);
		const claim = await client.get(this.db, claimDocId(radicado(number)), claimDocSchema);
		return claim && claim.solicitud === requestId ? { number, at: claim.at } : null;
	}

	/**
	 * After a create answered without quorum (202): the claim is ours only if the store holds
	 * one revision of it and that revision names this request.
	 */
	async #ownsUncertain(client: CouchClient, id: string, requestId: string): Promise<boolean> {
		const read = await client.getWithConflicts(this.db, id, claimDocSchema);
		return read !== null && read.conflicts.length === 0 && read.doc.solicitud === requestId;
	}

	/** The highest claim of the series (none or one row): the truth, read from the claims. */
	#tail(client: CouchClient, series: string): Promise<ClaimRow[]> {
		return this.#claims(client, series, {
			startkey: claimDocId(`${series}-999999`),
			endkey: claimDocId(`${series}-`),
			limit: 1,
			descending: true
		});
	}

	/**
	 * Moves the hint forward in the background, off the allocation's critical path: writes are
	 * coalesced (a burst of claims costs one or two counter writes), and a lost race with
	 * another server just means reading the counter again. A failure only leaves the hint
	 * behind, which the next start corrects with a few extra reads.
	 */
	#scheduleHint(series: string, n: number): void {
		this.#hintTarget.set(series, Math.max(n, this.#hintTarget.get(series) ?? 0));
		if (this.#hintWriting.has(series)) return;
		this.#hintWriting.add(series);
		void this.#writeHint(series).finally(() => this.#hintWriting.delete(series));
	}

	async #writeHint(series: string): Promise<void> {
		const client = this.client();
		for (let tries = 0; tries < 20; tries++) {
			const target = this.#hintTarget.get(series) ?? 0;
			try {
				const counter = await client.getIfValid(this.db, counterDocId(series), counterDocSchema);
				if (counter && counter.last >= target) {
					if ((this.#hintTarget.get(series) ?? 0) <= counter.last) return;
					continue;
				}
				await client.put(this.db, {
					_id: counterDocId(series),
					...(counter?._rev ? { _rev: counter._rev } : {}),
					type: 'contador',
					series,
					last: target,
					updatedAt: new Date().toISOString()
				} satisfies CounterDoc);
				if ((this.#hintTarget.get(series) ?? 0) <= target) return;
			} catch (e) {
				if (e instanceof CouchError && e.status === 409) continue;
				console.warn(`No se pudo actualizar ${counterDocId(series)}: ${String(e)}`);
				return;
			}
		}
	}

	/**
	 * Brings the claims-by-request view up to date a while after filings, off every request's
	 * path: the store indexes on read, and a retry's lookup should not pay for thousands of
	 * claims indexed at once.
	 */
	#scheduleViewRefresh(): void {
		if (this.#viewRefresh) return;
		this.#viewRefresh = setTimeout(() => {
			this.#viewRefresh = undefined;
			void this.client()
				.viewRows(this.db, CLAIMS_VIEW.ddoc, CLAIMS_VIEW.view, '')
				.catch((e: unknown) =>
					console.warn(`No se pudo actualizar el índice de radicados: ${String(e)}`)
				);
		}, VIEW_REFRESH_MS);
		this.#viewRefresh.unref?.();
	}

	/** Resolves once no counter write is pending (for tests and orderly shutdown). */
	async settled(): Promise<void> {
		while (this.#hintWriting.size) await new Promise((r) => setTimeout(r, 5));
	}
}
