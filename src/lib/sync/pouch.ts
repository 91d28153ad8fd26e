/**
 * The device's PouchDB databases (IndexedDB). Browser only: pages reach them through
 * `$lib/data`, never directly.
 */
import PouchDB from './pouchdb';
import { STORAGE } from '$lib/policy';

/** Name of the local read-only replica of the public content. */
export const LOCAL_CONTENT_DB: string = STORAGE.contentDb;

let content: PouchDB.Database | undefined;

export function localContentDb(): PouchDB.Database {
	content ??= new PouchDB(LOCAL_CONTENT_DB, { auto_compaction: true });
	return content;
}

/** URL of the server's read-only replication endpoint for public content. */
export function remoteContentUrl(origin: string = location.origin): string {
	return `${origin}/api/sync/contenido`;
}

export { PouchDB };

/** URL of the offline pack's manifest (`$lib/sync/pack-apply`). */
export function packManifestUrl(origin: string = location.origin): string {
	return `${origin}/api/sync/paquete`;
}
