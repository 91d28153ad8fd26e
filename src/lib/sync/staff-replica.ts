/**
 * The official's device replica of the requests they handle: the server lists the ids and
 * revisions the official may hold (`/api/gestion/replica`); the device fetches the ones it lacks
 * with `_bulk_get` in batches and drops the ones no longer listed (forwarded to another office,
 * access withdrawn). Requests and events are immutable, so an id held is an id up to date.
 */
import { STORAGE } from '$lib/policy';
import PouchDB from './pouchdb';
import { z } from 'zod';
import {
	replicaBulkGetSchema,
	replicaIndexSchema,
	type ReplicaEntry
} from '$lib/schemas/field-work';

/** Documents per `_bulk_get` round trip (the server accepts up to 500). */
export const BULK_BATCH = 500;

/** One database per official, so two officials sharing a device never see each other's work. */
export const staffDbName = (username: string) => `${STORAGE.staffDbPrefix}${username}`;

const open = new Map<string, PouchDB.Database>();

/**
 * One instance per database: IndexedDB cannot delete a database while other connections to it
 * are open, so signing out (destroy) would wait forever on stray instances.
 */
export function staffDb(username: string): PouchDB.Database {
	const name = staffDbName(username);
	let db = open.get(name);
	if (!db) {
		db = new PouchDB(name, { auto_compaction: true });
		open.set(name, db);
	}
	return db;
}

/** Deletes an official's replica from the device (at sign-out). */
export async function destroyStaffDb(username: string): Promise<void> {
	const db = staffDb(username);
	open.delete(staffDbName(username));
	await db.destroy();
}

export interface PullStats {
	/** Whether the server sent the whole list (first pull, or the official's scope changed). */
	full: boolean;
	listed: number;
	fetched: number;
	removed: number;
	requests: number;
	/** Bytes of the JSON bodies received (after decompression). */
	bytes: number;
}

export class SessionExpired extends Error {
	constructor() {
		super('sesion_requerida');
	}
}

async function getJson(res: Response): Promise<{ body: unknown; bytes: number }> {
	if (res.status === 401) throw new SessionExpired();
	if (!res.ok) throw new Error(`http_${res.status}`);
	const text = await res.text();
	return { body: JSON.parse(text), bytes: text.length };
}

/** Where the device keeps the `next` of the last list it applied (inside the replica itself). */
const CHECKPOINT_ID = '_local/lista';
const checkpointSchema = z.object({ _rev: z.string().optional(), next: z.string().optional() });

async function readCheckpoint(db: PouchDB.Database): Promise<{ _rev?: string; next?: string }> {
	try {
		return checkpointSchema.parse(await db.get(CHECKPOINT_ID));
	} catch {
		return {};
	}
}

/**
 * Brings the replica up to date. After the first pull the device asks only for what changed
 * since its last list (`since`); the checkpoint moves only once everything in a list is stored,
 * so an interrupted pull is simply asked again.
 */
export async function pullStaffReplica(
	db: PouchDB.Database,
	fetchFn: typeof fetch = fetch
): Promise<PullStats> {
	const checkpoint = await readCheckpoint(db);
	const url = checkpoint.next
		? `/api/gestion/replica?since=${encodeURIComponent(checkpoint.next)}`
		: '/api/gestion/replica';
	const index = await getJson(await fetchFn(url, { cache: 'no-store' }));
	const list = replicaIndexSchema.parse(index.body);
	const listed = list.docs;
	let bytes = index.bytes;
	const local = await db.allDocs();
	const held = new Map(local.rows.map((r) => [r.id, r.value.rev]));
	const missing = listed.filter((d) => !held.has(d.id));
	let fetched = 0;
	for (let i = 0; i < missing.length; i += BULK_BATCH) {
		const batch = missing.slice(i, i + BULK_BATCH);
		const res = await getJson(
			await fetchFn('/api/gestion/replica/_bulk_get', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ docs: batch.map(({ id }) => ({ id })) })
			})
		);
		bytes += res.bytes;
		const docs = replicaBulkGetSchema
			.parse(res.body)
			.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d ? [d.ok] : [])));
		// The server's revisions are kept as they are: the device never edits these documents.
		// (PouchDB types attachments more narrowly than the schema's stored stubs.)
		if (docs.length)
			await db.bulkDocs(docs as PouchDB.Core.PutDocument<object>[], { new_edits: false });
		fetched += docs.length;
	}
	const gone = list.full ? notListed(local.rows, listed) : ofRequests(local.rows, list.removed);
	if (gone.length) {
		await db.bulkDocs(gone.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })));
	}
	await db.put({
		_id: CHECKPOINT_ID,
		...(checkpoint._rev ? { _rev: checkpoint._rev } : {}),
		next: list.next
	});
	return {
		full: list.full,
		listed: listed.length,
		fetched,
		removed: gone.length,
		requests: listed.filter((d) => d.id.startsWith('solicitud:')).length,
		bytes
	};
}

type HeldRow = { id: string; value: { rev: string } };

/** Held documents a full list no longer names (forwarded away, access withdrawn). */
function notListed(rows: HeldRow[], listed: ReplicaEntry[]): HeldRow[] {
	const wanted = new Set(listed.map((d) => d.id));
	return rows.filter((r) => !wanted.has(r.id));
}

/** Held documents of the given requests: the request itself and its events. */
function ofRequests(rows: HeldRow[], submissionIds: string[]): HeldRow[] {
	if (!submissionIds.length) return [];
	const ids = new Set(submissionIds);
	return rows.filter((r) => {
		const m = /^(?:solicitud|evento):([^:]+)/.exec(r.id);
		return !!m && ids.has(m[1] ?? '');
	});
}
