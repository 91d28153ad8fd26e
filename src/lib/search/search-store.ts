import type { AppDb } from '$lib/db/app-db';
import { SEARCH_INDEX_FORMAT, SearchIndex, type SerializedSearchIndex } from './search-index';

/** Key of the index over the portal's public content in the `search` table. */
export const CONTENT_SEARCH_KEY = 'content';

/** A search index read back from the device, with what it was built from. */
export interface LoadedSearchIndex {
	index: SearchIndex;
	sourceSeq: string | number;
	localSeq?: number | string;
	builtAt: string;
	docCount: number;
}

/** What to record with a saved index. */
export interface SaveSearchIndexOptions {
	/** Replication checkpoint the index reflects, to tell later whether it is stale. */
	sourceSeq: string | number;
	/** The device replica's sequence the index reflects (see `SearchRow.localSeq`). */
	localSeq?: number | string;
	/** Documents on the device (default: those in the index). */
	docCount?: number;
	/** Which index (default: the content index). */
	key?: string;
	/** Build time to record (default: now). */
	builtAt?: Date;
}

/** Persists `index` on the device, replacing the previous one under the same key. */
export async function saveSearchIndex(
	db: AppDb,
	index: SearchIndex,
	{
		sourceSeq,
		localSeq,
		docCount = index.size,
		key = CONTENT_SEARCH_KEY,
		builtAt = new Date()
	}: SaveSearchIndexOptions
): Promise<void> {
	await db.search.put({
		key,
		index: JSON.stringify(index.toJSON()),
		format: SEARCH_INDEX_FORMAT,
		builtAt: builtAt.toISOString(),
		sourceSeq,
		...(localSeq === undefined ? {} : { localSeq }),
		docCount
	});
}

/**
 * The persisted index, or `null` when there is none or it cannot be used (another format
 * version after an app update, or damaged data). An unusable row is deleted: the caller
 * rebuilds from the replicated content and saves again.
 */
export async function loadSearchIndex(
	db: AppDb,
	key: string = CONTENT_SEARCH_KEY
): Promise<LoadedSearchIndex | null> {
	const row = await db.search.get(key);
	if (!row) return null;
	let index: SearchIndex;
	try {
		index = SearchIndex.fromJSON(
			typeof row.index === 'string' ? (JSON.parse(row.index) as SerializedSearchIndex) : row.index
		);
	} catch {
		await db.search.delete(key);
		return null;
	}
	return {
		index,
		sourceSeq: row.sourceSeq,
		...(row.localSeq === undefined ? {} : { localSeq: row.localSeq }),
		builtAt: row.builtAt,
		docCount: row.docCount
	};
}

/** Whether an index of this app's format is stored under `key` (without restoring it). */
export async function hasSearchIndex(
	db: AppDb,
	key: string = CONTENT_SEARCH_KEY
): Promise<boolean> {
	const row = await db.search.get(key);
	if (!row) return false;
	const format = typeof row.index === 'string' ? row.format : (row.index as { v?: unknown }).v;
	return format === SEARCH_INDEX_FORMAT;
}
