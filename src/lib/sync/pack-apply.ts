/**
 * A first pull by segments (#16): the server's offline pack (`/api/sync/paquete`, see
 * `$lib/schemas/pack`) is read as a few large files compressed once with Brotli 11, instead of
 * hundreds of replication batches, and stored in the device's replica with their revisions, so
 * the replica then replicates from the pack's sequence on like any other.
 *
 * Independent of the browser (it takes the database and `fetch`), so the bench runs this very
 * code in Node.
 */
import {
	packManifestSchema,
	packProgressSchema,
	type PackManifest,
	type PackProgress
} from '$lib/schemas/pack';
import { sharePercent } from './pull-progress';
import type { StoredDoc } from './incremental-search-index';
import type { StoredSegment } from './search-index-builder';

/** Where the device remembers which segments it has stored (`_local`: never replicated). */
const PROGRESS_ID = '_local/paquete';
/** Manifests read when the plan changes under a pull (a replaced segment answers 404). */
const MANIFEST_TRIES = 3;

export interface PackApplyOptions {
	/** The manifest's absolute URL; segments are fetched relative to it. */
	manifestUrl: string;
	fetch?: typeof fetch;
	/** Once every essential segment is stored (at most once). */
	onEssentials?: () => void;
	onProgress?: (progress: { essentials: boolean; received: number; percent: number }) => void;
	/** Once a segment's documents are stored (to index them while the next one downloads). */
	onSegment?: (segment: StoredSegment) => void;
}

type Replica = PouchDB.Database;

/**
 * Stores every segment of the pack in `local` and returns the sequence to replicate from, or
 * null when the server offers no segments (its first plan is still being built, or it has none):
 * then the pull is a replication from the start. A cut link rejects; the next attempt skips the
 * segments already stored.
 */
export async function applyPack(local: Replica, options: PackApplyOptions): Promise<string | null> {
	const get = options.fetch ?? fetch;
	let progress = await readProgress(local);
	let essentialsTold = false;
	const tellEssentials = () => {
		if (essentialsTold) return;
		essentialsTold = true;
		options.onEssentials?.();
	};
	for (let attempt = 0; attempt < MANIFEST_TRIES; attempt++) {
		const manifest = await readManifest(get, options.manifestUrl);
		if (!manifest.segments.length) return null;
		// The sequence of the first plan a segment came from: a later plan may have dropped a
		// document an earlier segment holds, and only replicating from there removes it.
		const state: PackProgress = progress ?? { since: manifest.seq, applied: [] };
		const total = manifest.segments.reduce((n, s) => n + s.docs, 0);
		let received = 0;
		let replaced = false;
		for (const segment of manifest.segments) {
			if (!segment.essentials) tellEssentials();
			if (!state.applied.includes(segment.hash)) {
				const res = await get(new URL(segment.href, options.manifestUrl));
				if (res.status === 404) {
					replaced = true;
					break;
				}
				if (!res.ok) throw new Error(`segmento ${segment.hash}: HTTP ${res.status}`);
				const text = await res.text();
				const { docs } = JSON.parse(text) as { docs: StoredDoc[] };
				await local.bulkDocs(docs, { new_edits: false });
				state.applied.push(segment.hash);
				progress = state;
				await writeProgress(local, state);
				options.onSegment?.({ text, docs, essentials: segment.essentials });
			}
			received += segment.docs;
			options.onProgress?.({
				essentials: segment.essentials,
				received,
				// Never 100 before the end: the search index is still to be built.
				percent: sharePercent(received, total) ?? 0
			});
		}
		if (!replaced) {
			tellEssentials();
			return state.since;
		}
	}
	return null;
}

async function readManifest(get: typeof fetch, url: string): Promise<PackManifest> {
	const res = await get(url, { headers: { accept: 'application/json' } });
	if (!res.ok) throw new Error(`paquete: HTTP ${res.status}`);
	return packManifestSchema.parse(await res.json());
}

async function readProgress(local: Replica): Promise<PackProgress | null> {
	try {
		return packProgressSchema.parse(await local.get(PROGRESS_ID));
	} catch {
		return null;
	}
}

async function writeProgress(local: Replica, state: PackProgress): Promise<void> {
	let rev: string | undefined;
	try {
		rev = (await local.get(PROGRESS_ID))._rev;
	} catch {
		rev = undefined;
	}
	await local.put({ _id: PROGRESS_ID, ...(rev ? { _rev: rev } : {}), ...state });
}
