/**
 * What an official's device replicates: the requests their role lets them see, with all their
 * events. The server computes the list of ids and revisions; the device asks for the ones it
 * lacks with `_bulk_get` in batches. A filtered `_changes` feed would make CouchDB run a filter
 * over every change of every request for every official; a list from the folded index is one
 * in-memory pass, and the device fetches only what is new.
 */
import { createHash, randomBytes } from 'node:crypto';
import { canSeeRequest } from '$lib/domain/permissions';
import type {
	EventDoc,
	ReplicaEntry,
	ReplicaIndex,
	ReplicaRequest,
	SessionUser
} from '$lib/schemas';
import { z } from 'zod';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { stateOf } from '$lib/server/requests/events';
import { allRequests, requestsSnapshot, scopeOf, type StoredRequest } from './requests';

/** Largest `_bulk_get` batch accepted: one round trip per 500 documents. */
export const MAX_BULK_GET = 500;

function visible(user: SessionUser, requests: Map<string, StoredRequest>): StoredRequest[] {
	return [...requests.values()].filter((r) => canSeeRequest(user, r.scope));
}

const revOf = (doc: { _rev?: string }) => doc._rev ?? '';

/** More changes than this since the device's last list: a full list is cheaper to send. */
export const MAX_CHANGES = 5000;

/**
 * Who the list was computed for: a change of role, dependencia or account means the previous
 * list no longer says what this person may hold, so the next list is a full one.
 */
function scopeStamp(user: SessionUser): string {
	const key = [user.username, [...user.roles].sort().join(','), user.dependencia ?? ''].join('|');
	return createHash('sha256').update(key).digest('base64url').slice(0, 12);
}

const EPOCH_ID = '_local/epoca-replica';
const epochDocSchema = z.object({ epoch: z.string().regex(/^[A-Za-z0-9_-]{12}$/) });
let epochOnce: Promise<string> | undefined;

/**
 * A random name for this requests database, kept in it (`_local` documents are not copied by
 * replication). Sequences only mean something within one database: a device that synced with a
 * store since wiped, restored by replication or replaced gets a full list instead of nothing.
 */
function storeEpoch(): Promise<string> {
	epochOnce ??= (async () => {
		const client = couch();
		const read = async () => (await client.get(DB.requests, EPOCH_ID, epochDocSchema))?.epoch;
		const found = await read();
		if (found) return found;
		const epoch = randomBytes(9).toString('base64url');
		try {
			await client.put(DB.requests, { _id: EPOCH_ID, epoch });
			return epoch;
		} catch (e) {
			// Another server named it first.
			if (e instanceof CouchError && e.status === 409) return (await read()) ?? epoch;
			throw e;
		}
	})().catch((e: unknown) => {
		epochOnce = undefined;
		throw e;
	});
	return epochOnce;
}

/** `<epoch>.<update_seq, base64url>.<scope stamp>`: opaque to the device. */
const checkpoint = (epoch: string, seq: string, user: SessionUser) =>
	`${epoch}.${Buffer.from(seq).toString('base64url')}.${scopeStamp(user)}`;

function parseSince(
	since: string | null | undefined,
	epoch: string,
	user: SessionUser
): string | null {
	const m = /^([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-]{12})$/.exec(since ?? '');
	if (!m || m[1] !== epoch || m[3] !== scopeStamp(user)) return null;
	return Buffer.from(m[2] ?? '', 'base64url').toString();
}

const entriesOf = (r: StoredRequest): ReplicaEntry[] => [
	{ id: r.doc._id, rev: revOf(r.doc) },
	...r.events.map((e) => ({ id: e._id, rev: revOf(e) }))
];

/** Whether the request was within the official's reach at any point of its history. */
function wasVisible(user: SessionUser, r: StoredRequest): boolean {
	for (let k = 0; k <= r.events.length; k++) {
		if (canSeeRequest(user, scopeOf(r.doc, stateOf(r.doc, r.events.slice(0, k))))) return true;
	}
	return false;
}

/** Submission id of a request or event document id, from `solicitud:<id>` / `evento:<id>:…`. */
const submissionOf = (docId: string) => /^(?:solicitud|evento):([^:]+)/.exec(docId)?.[1];

/**
 * The ids and revisions the device of `user` should hold: all of them, or, given the `next` of
 * an earlier list, only the requests changed since then (new ones, new events) and those that
 * moved out of the official's reach. Requests and events are immutable, so a request untouched
 * since the last list is still exactly what the device holds. The checkpoint is the store's own
 * sequence, so it does not depend on the clocks of servers behind a load balancer.
 */
export async function replicaIndex(
	user: SessionUser,
	since?: string | null
): Promise<ReplicaIndex> {
	const [epoch, { seq, requests }] = await Promise.all([storeEpoch(), requestsSnapshot()]);
	const next = checkpoint(epoch, seq, user);
	const from = parseSince(since, epoch, user);
	const changes = from === null ? null : await changedIdsSince(from);
	if (!changes) {
		return { full: true, docs: visible(user, requests).flatMap(entriesOf), removed: [], next };
	}
	const touched = new Set(changes.flatMap((id) => submissionOf(id) ?? []));
	const bySubmission = [...requests.values()].filter((r) => touched.has(r.doc.id));
	return { full: false, ...changesFor(user, bySubmission), next };
}

/** Changed ids since `seq`, or null when the sequence is unknown or the changes too many. */
async function changedIdsSince(seq: string): Promise<string[] | null> {
	try {
		const { ids, more } = await couch().changedIds(DB.requests, seq, MAX_CHANGES);
		return more ? null : ids;
	} catch (e) {
		// A sequence the store does not understand (another store, a forged value): start over.
		if (e instanceof CouchError && e.status >= 400 && e.status < 500) return null;
		throw e;
	}
}

/** What the device does with requests that changed: fetch those in reach, drop the others. */
export function changesFor(
	user: SessionUser,
	changed: Iterable<StoredRequest>
): { docs: ReplicaEntry[]; removed: string[] } {
	const docs: ReplicaEntry[] = [];
	const removed: string[] = [];
	for (const r of changed) {
		if (canSeeRequest(user, r.scope)) docs.push(...entriesOf(r));
		// Out of reach now: the device drops it, if it ever was within reach (so the answer never
		// names requests this official could not have had).
		else if (wasVisible(user, r)) removed.push(r.doc.id);
	}
	return { docs, removed };
}

/** The request as it may leave the server: without the PIN's or the payload's hash. */
export function forDevice(doc: StoredRequest['doc']): ReplicaRequest {
	const { pinHash: _p, payloadHash: _h, ...rest } = doc;
	return rest;
}

export type BulkGetResult = {
	id: string;
	docs: Array<
		{ ok: ReplicaRequest | EventDoc } | { error: { id: string; error: string; reason: string } }
	>;
};

/**
 * CouchDB-shaped `_bulk_get` answer for `ids`: each document the user may see, `not_found` for
 * the rest (whether it exists or is someone else's: the answer does not tell).
 */
export async function replicaDocs(
	user: SessionUser,
	ids: readonly string[]
): Promise<BulkGetResult[]> {
	const byId = new Map<string, ReplicaRequest | EventDoc>();
	for (const r of visible(user, await allRequests())) {
		byId.set(r.doc._id, forDevice(r.doc));
		for (const e of r.events) byId.set(e._id, e);
	}
	return ids.map((id) => {
		const doc = byId.get(id);
		return doc
			? { id, docs: [{ ok: doc }] }
			: { id, docs: [{ error: { id, error: 'not_found', reason: 'missing' } }] };
	});
}
