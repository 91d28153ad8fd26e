import { getAppDb } from '$lib/db';
import { SearchIndex } from '$lib/search/search-index';
import { toSearchDoc } from '$lib/search/search-doc';
import { saveSearchIndex } from '$lib/search/search-store';
import { allLocalContent } from './content-local';
import { writePackFlag } from './pack-flag';
import { localContentDb, PouchDB, remoteContentUrl } from './pouch';

/**
 * Documents per replication batch. Large batches mean few HTTP round trips on high-latency
 * links (budget: ≤ 6 requests per 1,000 docs; PouchDB's default of 100 needs ~22).
 */
export const PULL_BATCH_SIZE = 1000;

/**
 * Brings the device's copy of the public content up to date, then rebuilds the offline search
 * index from it. Resolves only when everything is stored; a cut link rejects and the next pull
 * resumes from the last checkpoint.
 */
export async function pullContent(
	onProgress: (docsReceived: number) => void = () => {}
): Promise<{ syncedAt: string; docCount: number }> {
	const local = localContentDb();
	const replication = PouchDB.replicate(remoteContentUrl(), local, {
		batch_size: PULL_BATCH_SIZE,
		batches_limit: 2,
		// Checkpoints stay on the device: the server endpoint is read-only.
		checkpoint: 'target',
		retry: false
	});
	replication.on('change', (info) => onProgress(info.docs_written));
	const result = await replication;
	if (!result.ok) throw new Error(result.errors.map(String).join('; ') || 'replicación incompleta');

	const docs = await allLocalContent();
	const index = SearchIndex.build(docs.flatMap((d) => toSearchDoc(d) ?? []));
	await saveSearchIndex(getAppDb(), index, { sourceSeq: result.last_seq });
	const syncedAt = new Date().toISOString();
	writePackFlag({ syncedAt, docCount: docs.length });
	return { syncedAt, docCount: docs.length };
}
