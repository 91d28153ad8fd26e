/**
 * What an official's device replicates: the requests their role lets them see, with all their
 * events. The server computes the list of ids and revisions; the device asks for the ones it
 * lacks with `_bulk_get` in batches. A filtered `_changes` feed would make CouchDB run a filter
 * over every change of every request for every official; a list from the folded index is one
 * in-memory pass, and the device fetches only what is new.
 */
import { canSeeRequest } from '$lib/domain/permisos';
import type { EventoDoc, ReplicaEntry, ReplicaSolicitud, SessionUser } from '$lib/schemas';
import { allRequests, type StoredRequest } from './requests';

/** Largest `_bulk_get` batch accepted: one round trip per 500 documents. */
export const MAX_BULK_GET = 500;

function visible(user: SessionUser, requests: Map<string, StoredRequest>): StoredRequest[] {
	return [...requests.values()].filter((r) => canSeeRequest(user, r.scope));
}

const revOf = (doc: { _rev?: string }) => doc._rev ?? '';

/** The ids and revisions the device of `user` should hold now. */
export async function replicaIndex(user: SessionUser): Promise<ReplicaEntry[]> {
	const out: ReplicaEntry[] = [];
	for (const r of visible(user, await allRequests())) {
		out.push({ id: r.doc._id, rev: revOf(r.doc) });
		for (const e of r.events) out.push({ id: e._id, rev: revOf(e) });
	}
	return out;
}

/** The request as it may leave the server: without the PIN's or the payload's hash. */
export function forDevice(doc: StoredRequest['doc']): ReplicaSolicitud {
	const { pinHash: _p, payloadHash: _h, ...rest } = doc;
	return rest;
}

export type BulkGetResult = {
	id: string;
	docs: Array<
		{ ok: ReplicaSolicitud | EventoDoc } | { error: { id: string; error: string; reason: string } }
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
	const byId = new Map<string, ReplicaSolicitud | EventoDoc>();
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
