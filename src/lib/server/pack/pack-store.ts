/**
 * The offline pack's plan and segment files in the store's `paquete` database, shared by every
 * app server: whichever builds a segment, any can serve it. A segment is a document named by
 * its hash with two attachments, the same text compressed with Brotli (`br`) and gzip (`gz`).
 */
import { couch, DB } from '$lib/server/couch';
import { CouchError, encodeDocId } from '$lib/server/couch/client';
import { setBounded } from '$lib/server/util/bounded-map';
import { packPlanSchema, type PackPlan } from '$lib/schemas/pack';

export type SegmentEncoding = 'br' | 'gz';

const PLAN_ID = 'plan';
const segmentId = (hash: string) => `segmento:${hash}`;

/** The plan, or null before the first build. */
export function readPlan(): Promise<PackPlan | null> {
	return couch().get(DB.pack, PLAN_ID, packPlanSchema);
}

/**
 * Writes `plan` over the one it was built from (`plan._rev`). False when another server wrote
 * first: its plan stands, this one is dropped (both are correct; one is enough).
 */
export async function writePlan(plan: PackPlan): Promise<{ rev: string } | null> {
	try {
		return await couch().put(DB.pack, plan);
	} catch (e) {
		if (e instanceof CouchError && e.status === 409) return null;
		throw e;
	}
}

/** Whether a segment's file is stored; its compressed sizes if so. */
export async function storedSegment(
	hash: string
): Promise<{ brBytes: number; gzBytes: number } | null> {
	const res = await couch().fetch(`${DB.pack}/${encodeDocId(segmentId(hash))}`);
	if (res.status === 404) return null;
	if (!res.ok) throw new CouchError(res.status, 'error', 'segmento');
	const doc = (await res.json()) as { brBytes: number; gzBytes: number };
	return { brBytes: doc.brBytes, gzBytes: doc.gzBytes };
}

/** Stores a segment's two files (a segment stored meanwhile by another server is the same). */
export async function storeSegment(hash: string, br: Uint8Array, gz: Uint8Array): Promise<void> {
	const attachment = (data: Uint8Array) => ({
		content_type: 'application/octet-stream',
		data: Buffer.from(data).toString('base64')
	});
	try {
		await couch().put(DB.pack, {
			_id: segmentId(hash),
			brBytes: br.byteLength,
			gzBytes: gz.byteLength,
			_attachments: { br: attachment(br), gz: attachment(gz) }
		});
	} catch (e) {
		if (!(e instanceof CouchError && e.status === 409)) throw e;
	}
}

/** Segment files removed once no plan lists them (best effort: a leftover costs only space). */
export async function removeSegments(hashes: readonly string[]): Promise<void> {
	if (!hashes.length) return;
	const res = await couch().fetch(`${DB.pack}/_all_docs`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ keys: hashes.map(segmentId) })
	});
	if (!res.ok) return;
	const rows = ((await res.json()) as { rows: Array<{ id?: string; value?: { rev: string } }> })
		.rows;
	const gone = rows.flatMap((r) =>
		r.id && r.value ? [{ _id: r.id, _rev: r.value.rev, _deleted: true }] : []
	);
	if (gone.length) await couch().bulkDocs(DB.pack, gone);
}

/** Compressed segment files kept in memory: they never change, so a copy is never stale. */
const files = new Map<string, Uint8Array>();
const MAX_FILES = 64;

/** A segment's file in one encoding, or null when no such segment is stored. */
export async function segmentFile(
	hash: string,
	encoding: SegmentEncoding
): Promise<Uint8Array | null> {
	const key = `${hash}.${encoding}`;
	const kept = files.get(key);
	if (kept) return kept;
	const res = await couch().fetch(`${DB.pack}/${encodeDocId(segmentId(hash))}/${encoding}`, {
		headers: { accept: 'application/octet-stream' }
	});
	if (res.status === 404) return null;
	if (!res.ok) throw new CouchError(res.status, 'error', 'segmento');
	const file = new Uint8Array(await res.arrayBuffer());
	setBounded(files, key, file, MAX_FILES);
	return file;
}
