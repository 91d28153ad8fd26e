import Dexie, { type EntityTable } from 'dexie';
import type { SerializedSearchIndex } from '$lib/search/search-index';

/** Name of the device-local database. */
export const APP_DB_NAME = 'ventanilla';

/** Small device-local settings and bookkeeping, one value per key. */
export interface MetaRow {
	key: string;
	value: unknown;
}

/** A persisted search index, so it is not rebuilt at every start. */
export interface SearchRow {
	/** Which index: see `CONTENT_SEARCH_KEY`. */
	key: string;
	index: SerializedSearchIndex;
	/** ISO timestamp of the build. */
	builtAt: string;
	/** Replication checkpoint (PouchDB `update_seq`) the index reflects; stale when it moves on. */
	sourceSeq: string | number;
	docCount: number;
}

/**
 * The device-local Dexie (IndexedDB) database: data that belongs to this device, as opposed to
 * the replicated content in PouchDB.
 *
 * Schema history: never edit a published version, add a new `this.version(n)` below with a
 * comment saying what it changes (and an `.upgrade()` if existing rows must be migrated).
 */
export class AppDb extends Dexie {
	declare readonly meta: EntityTable<MetaRow, 'key'>;
	declare readonly search: EntityTable<SearchRow, 'key'>;

	constructor(name: string = APP_DB_NAME) {
		super(name);
		// v1: key/value metadata and the persisted search index.
		this.version(1).stores({ meta: 'key', search: 'key' });
	}
}
