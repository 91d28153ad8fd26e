import type { AppDb, SearchRow } from '$lib/db/app-db';
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

/** Key prefix of the parts of the index stored under `key`. */
const partsOf = (key: string) => `${key}/`;

const serialize = (index: SearchIndex) => JSON.stringify(index.toJSON());

/** A fresh key for the one part of a whole index (a compaction never overwrites a part read). */
const wholeKey = (key: string) =>
	`${partsOf(key)}entero/${Math.random().toString(36).slice(2, 10)}`;

/** The row's bookkeeping fields, as `save*` write them. */
function rowFields(
	{ sourceSeq, localSeq, builtAt = new Date() }: SaveSearchIndexOptions,
	docCount: number
): Omit<SearchRow, 'key'> {
	return {
		format: SEARCH_INDEX_FORMAT,
		builtAt: builtAt.toISOString(),
		sourceSeq,
		...(localSeq === undefined ? {} : { localSeq }),
		docCount
	};
}

/**
 * Persists `index` on the device as one part, replacing the previous one under the same key.
 * The `search` row stays a few hundred bytes either way (the text is in `searchParts`): a pull
 * that brings nothing new checks it without reading megabytes.
 */
export async function saveSearchIndex(
	db: AppDb,
	index: SearchIndex,
	options: SaveSearchIndexOptions
): Promise<void> {
	const { key = CONTENT_SEARCH_KEY, docCount = index.size } = options;
	const part = { key: wholeKey(key), index: serialize(index) };
	await db.transaction('rw', db.search, db.searchParts, async () => {
		await db.searchParts.where('key').startsWith(partsOf(key)).delete();
		await db.searchParts.put(part);
		await db.search.put({ key, parts: [part.key], ...rowFields(options, docCount) });
	});
}

/**
 * Stores one part of a search index being built in parts (see `saveSearchIndexParts`), under
 * `<key>/<pull>/<n>`; returns its key. Nothing searches it until the parts are committed.
 */
export async function saveSearchIndexPart(
	db: AppDb,
	index: SearchIndex,
	{ key = CONTENT_SEARCH_KEY, pull, n }: { key?: string; pull: string; n: number }
): Promise<string> {
	const partKey = `${partsOf(key)}${pull}/${n}`;
	await db.searchParts.put({ key: partKey, index: serialize(index) });
	return partKey;
}

/**
 * Makes the stored parts `partKeys` (disjoint, see `saveSearchIndexPart`) the index under the
 * key, replacing the previous one and any part left by an interrupted pull. Writes a few
 * hundred bytes, so a first pull's index is searchable a moment after its last part is stored;
 * `compactSearchIndex` joins the parts later. Throws, storing nothing, when a part is missing.
 */
export async function saveSearchIndexParts(
	db: AppDb,
	partKeys: readonly string[],
	options: SaveSearchIndexOptions & { docCount: number }
): Promise<void> {
	const { key = CONTENT_SEARCH_KEY } = options;
	const wanted = new Set(partKeys);
	await db.transaction('rw', db.search, db.searchParts, async () => {
		const present = await db.searchParts.where('key').startsWith(partsOf(key)).primaryKeys();
		const missing = partKeys.filter((k) => !present.includes(k));
		if (missing.length) throw new Error(`search index parts missing: ${missing.join(', ')}`);
		await db.search.put({ key, parts: [...partKeys], ...rowFields(options, options.docCount) });
		await db.searchParts.bulkDelete(present.filter((k) => !wanted.has(k)));
	});
}

/**
 * The persisted index, or `null` when there is none or it cannot be used (another format
 * version after an app update, or damaged data). An unusable row is deleted: the caller
 * rebuilds from the replicated content and saves again. An index stored in parts is joined in
 * memory (`SearchIndex.merge`).
 */
export async function loadSearchIndex(
	db: AppDb,
	key: string = CONTENT_SEARCH_KEY
): Promise<LoadedSearchIndex | null> {
	// One read transaction: a compaction committing meanwhile is seen whole or not at all.
	const read = await db.transaction('r', db.search, db.searchParts, async () => {
		const row = await db.search.get(key);
		const parts = row?.parts ? await db.searchParts.bulkGet(row.parts) : [];
		return row && { row, parts };
	});
	if (!read) return null;
	const { row, parts } = read;
	let index: SearchIndex;
	try {
		const restored = row.parts ? parts.map((part) => restore(part?.index)) : [restore(row.index)];
		index = restored.length === 1 ? (restored[0] as SearchIndex) : SearchIndex.merge(restored);
	} catch {
		await db.transaction('rw', db.search, db.searchParts, async () => {
			await db.search.delete(key);
			await db.searchParts.where('key').startsWith(partsOf(key)).delete();
		});
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

function restore(stored: string | SerializedSearchIndex | undefined): SearchIndex {
	if (stored === undefined) throw new Error('search index part missing');
	return SearchIndex.fromJSON(
		typeof stored === 'string' ? (JSON.parse(stored) as SerializedSearchIndex) : stored
	);
}

/**
 * Joins an index stored in several parts into one (read back faster, and what a later pull
 * starts from). Returns whether it did: not when the index is already whole, unusable, or was
 * replaced while the parts were being joined (the newer one is kept).
 */
export async function compactSearchIndex(
	db: AppDb,
	key: string = CONTENT_SEARCH_KEY
): Promise<boolean> {
	const before = await db.search.get(key);
	if (!before?.parts || before.parts.length < 2) return false;
	const loaded = await loadSearchIndex(db, key);
	if (!loaded) return false;
	const part = { key: wholeKey(key), index: serialize(loaded.index) };
	return db.transaction('rw', db.search, db.searchParts, async () => {
		const now = await db.search.get(key);
		if (now?.builtAt !== before.builtAt || now.parts?.join() !== before.parts?.join()) {
			return false;
		}
		await db.searchParts.put(part);
		await db.search.put({ ...now, parts: [part.key] });
		await db.searchParts.bulkDelete(before.parts ?? []);
		return true;
	});
}

/**
 * Whether an index of this app's format is stored under `key` (without restoring it; reading
 * the row is cheap unless an earlier version stored the index in it).
 */
export async function hasSearchIndex(
	db: AppDb,
	key: string = CONTENT_SEARCH_KEY
): Promise<boolean> {
	const row = await db.search.get(key);
	if (!row) return false;
	const format = typeof row.index === 'object' ? row.index.v : row.format;
	return format === SEARCH_INDEX_FORMAT;
}
