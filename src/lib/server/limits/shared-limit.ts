/**
 * Rate limits shared by every app server of one store, so N servers (or N worker processes)
 * give a client no more than one does, and a restart forgets nothing.
 *
 * Each use is one small document in the `limites` database, `<limit>:<key>:<time>:<n>:<random>`:
 * a sliding log. Taking writes the use first and then counts the uses of the key in each window
 * (one `_all_docs` range read, ids only). Writing before counting makes the limit exact under
 * any concurrency: every use in flight is counted by every other, so at most `max` are allowed
 * per window whatever the number of servers (a race can refuse one too many, never allow one).
 * A refused use stays counted, so hammering a limit only keeps it shut. A use can be given back
 * (`refund`): a correct PIN does not count as a guess.
 *
 * Keys are HMACs under the store's shared secret, so the database holds no client address,
 * radicado or username in clear. Each process remembers for how long a key is shut and refuses
 * it without touching the store meanwhile, so a flood costs the store one write per process and
 * window, not one per request. Old uses are deleted by {@link sweepSharedLimits}.
 */
import { randomBytes } from 'node:crypto';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { derive } from '$lib/server/crypto/server-secret';
import { setBounded } from '$lib/server/util/bounded-map';

export interface LimitWindow {
	/** Window length in seconds. */
	seconds: number;
	/** Uses allowed in any such window. */
	max: number;
}

export interface SharedLimitOptions {
	/** Short name, part of every document id: `[a-z-]+`. */
	name: string;
	/** Every window must hold: 5 a minute and 20 an hour, say. */
	windows: readonly LimitWindow[];
}

/** A use recorded by {@link SharedLimit.take}, to give back with {@link SharedLimit.refund}. */
export interface LimitUse {
	/** 0: allowed. Otherwise refused, and the seconds until it would be allowed. */
	wait: number;
	id: string;
	rev: string;
}

/** Time in an id: base-36 milliseconds, fixed width so ids sort by time. */
const stamp = (ms: number) => Math.max(0, Math.floor(ms)).toString(36).padStart(9, '0');
const ID = /:([0-9a-z]{9}):(\d+):[0-9a-f]+$/;
/** Keys shut in this process, remembered at most (a flood of distinct keys forgets the oldest). */
const MAX_SHUT_KEYS = 20_000;

/** Every limit created, for the sweeper. */
const registry = new Map<string, SharedLimit>();

export class SharedLimit {
	readonly name: string;
	readonly windows: readonly LimitWindow[];
	readonly #longest: number;
	/** Key HMAC → time (ms) until which this process refuses it without asking the store. */
	readonly #shut = new Map<string, number>();

	constructor(opts: SharedLimitOptions) {
		if (!/^[a-z][a-z-]*$/.test(opts.name))
			throw new Error(`Nombre de límite inválido: ${opts.name}`);
		if (!opts.windows.length) throw new Error(`El límite ${opts.name} no tiene ventanas`);
		this.name = opts.name;
		this.windows = opts.windows;
		this.#longest = Math.max(...opts.windows.map((w) => w.seconds)) * 1000;
		registry.set(opts.name, this);
	}

	async #keyId(key: string): Promise<string> {
		return (await derive(`limite:${this.name}`, key)).subarray(0, 12).toString('hex');
	}

	/**
	 * Records `n` uses for `key` and says whether they fit every window (`wait` 0) or how many
	 * seconds until they would.
	 */
	async take(key: string, n = 1, now = Date.now()): Promise<LimitUse> {
		const keyId = await this.#keyId(key);
		const shutUntil = this.#shut.get(keyId);
		if (shutUntil !== undefined) {
			if (shutUntil > now) return { wait: Math.ceil((shutUntil - now) / 1000), id: '', rev: '' };
			this.#shut.delete(keyId);
		}
		const id = `${this.name}:${keyId}:${stamp(now)}:${n}:${randomBytes(4).toString('hex')}`;
		const { rev } = await couch().put(DB.limits, { _id: id, at: new Date(now).toISOString() });
		const wait = this.#waitFor(await this.#uses(keyId, now), now);
		if (wait > 0) setBounded(this.#shut, keyId, now + wait * 1000, MAX_SHUT_KEYS);
		return { wait, id, rev };
	}

	/** Uses of `key` in the longest window, oldest first (time and count). */
	async #uses(keyId: string, now: number): Promise<Array<{ at: number; n: number }>> {
		const prefix = `${this.name}:${keyId}:`;
		const q = new URLSearchParams({
			startkey: JSON.stringify(prefix + stamp(now - this.#longest)),
			endkey: JSON.stringify(prefix + '\ufff0')
		});
		const res = await couch().json<{ rows: Array<{ id: string }> }>(`${DB.limits}/_all_docs?${q}`);
		return res.rows.flatMap((r) => {
			const m = ID.exec(r.id);
			return m ? [{ at: parseInt(m[1] ?? '', 36), n: Number(m[2]) }] : [];
		});
	}

	/** Seconds until every window holds `uses` (the new one included), 0 when it does now. */
	#waitFor(uses: ReadonlyArray<{ at: number; n: number }>, now: number): number {
		let wait = 0;
		for (const w of this.windows) {
			const ms = w.seconds * 1000;
			const inWindow = uses.filter((u) => u.at > now - ms);
			let total = inWindow.reduce((sum, u) => sum + u.n, 0);
			// Oldest uses leave the window first: wait until enough of them have.
			for (const u of inWindow) {
				if (total <= w.max) break;
				total -= u.n;
				wait = Math.max(wait, (u.at + ms - now) / 1000);
			}
			if (total > w.max) wait = Math.max(wait, w.seconds);
		}
		return wait > 0 ? Math.max(1, Math.ceil(wait)) : 0;
	}

	/** Gives a use back (it did not count: a correct PIN, a successful sign-in). */
	async refund(use: LimitUse): Promise<void> {
		if (!use.id) return;
		await couch()
			.put(DB.limits, { _id: use.id, _rev: use.rev, _deleted: true })
			.catch((e: unknown) => {
				if (!(e instanceof CouchError && (e.status === 404 || e.status === 409))) throw e;
			});
	}

	/** Forgets what this process knows (tests). */
	forgetLocal(): void {
		this.#shut.clear();
	}

	/** Whether the use `id` is older than every window of this limit (for the sweep). */
	isExpired(id: string, now: number): boolean {
		const m = ID.exec(id);
		return !m || parseInt(m[1] ?? '', 36) <= now - this.#longest;
	}
}

/** Uses looked at per sweep and limit: bounded work; the next sweep goes on from there. */
const SWEEP_BATCH = 2000;
/** Where each limit's next sweep starts (ids are by key, then time: a sweep walks them all). */
const sweepFrom = new Map<string, string>();

/**
 * Deletes uses no limit needs any more (older than its longest window), walking each limit's
 * ids a batch at a time. Safe to run on every server at once: a use another server deleted
 * first answers a conflict, which is fine. Returns how many were deleted.
 */
export async function sweepSharedLimits(now = Date.now()): Promise<number> {
	let deleted = 0;
	for (const limit of registry.values()) {
		const from = sweepFrom.get(limit.name) ?? `${limit.name}:`;
		const q = new URLSearchParams({
			startkey: JSON.stringify(from),
			endkey: JSON.stringify(`${limit.name}:\ufff0`),
			limit: String(SWEEP_BATCH)
		});
		const res = await couch().json<{ rows: Array<{ id: string; value: { rev: string } }> }>(
			`${DB.limits}/_all_docs?${q}`
		);
		const last = res.rows.at(-1)?.id;
		if (res.rows.length < SWEEP_BATCH || !last) sweepFrom.delete(limit.name);
		else sweepFrom.set(limit.name, `${last}\u0000`);
		const gone = res.rows
			.filter((r) => limit.isExpired(r.id, now))
			.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true }));
		if (!gone.length) continue;
		const results = await couch().bulkDocs(DB.limits, gone);
		deleted += results.filter((r) => !r.error).length;
	}
	return deleted;
}
