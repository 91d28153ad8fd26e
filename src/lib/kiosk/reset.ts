/**
 * What ends a kiosk session: every trace of the citizen who used the screen is removed from the
 * device, and only what is public or belongs to the device stays.
 *
 * Kept:
 * - Dexie `search` and `searchParts` (the public search index) and `meta` rows `kiosco` / `kiosco-clave` (which
 *   kiosk this is, its timeouts and the server's public key);
 * - Dexie `outbox` rows that are sealed and still to be sent (unreadable on the device; see
 *   `seal.ts`); plain rows are sealed here first, so nothing readable stays queued;
 * - the PouchDB replica of public content and localStorage `STORAGE.packFlag` and
 *   `STORAGE.essentialsFlag` (its status);
 * - localStorage `STORAGE.kioskFlag` (this device is a kiosk), `STORAGE.kioskCookiesPending`
 *   (the server has HttpOnly cookies of a session to remove) and, while sealed requests wait,
 *   `STORAGE.requestsFlag` (this device has queued requests: start the outbox);
 * - the build's code (the service worker's precache and `CACHES.laterCode`) and, in
 *   `CACHES.pages` and `CACHES.content`, only what `$lib/policy` calls public and has no query
 *   (never tracking, requests, receipts, search, the official's workspace or any back-office
 *   spelling); workbox's expiry records of removed entries go too.
 * (Names from `$lib/policy`.)
 *
 * Removed: every other Dexie table (drafts, filed requests with radicado + PIN, officials'
 * actions, and any table a later version adds) and `meta` row, every other IndexedDB
 * database (e.g. an official's replica), every other cache, all of sessionStorage and every
 * other localStorage key. In-memory state goes with the hard navigation that follows
 * (`endKioskSession`).
 */
import type { AppDb, SealedOutboxRow } from '$lib/db';
import { provisionalCode } from '$lib/outbox/policy';
import { sealSubmission, type PublicSealKey } from '../crypto/seal';
import { CACHES, STORAGE, keptAfterKioskSession, pouchIdbName } from '$lib/policy';

/** Dexie `meta` keys of the enrollment. */
export const KIOSK_META = 'kiosco';
export const KIOSK_KEY_META = 'kiosco-clave';
const KEPT_META = new Set([KIOSK_META, KIOSK_KEY_META]);
const KEPT_TABLES = new Set(['meta', 'search', 'searchParts', 'outbox', 'respuestas']);
/** localStorage keys that say what the device holds, never who used it. */
export const KEPT_LOCAL_KEYS = new Set<string>([
	STORAGE.packFlag,
	STORAGE.essentialsFlag,
	STORAGE.kioskFlag,
	STORAGE.kioskCookiesPending
]);
/** IndexedDB databases kept: this app's Dexie (cleaned above), the public content replica, workbox's expiry records (cleaned). */
export const KEPT_DATABASES = new Set<string>([
	STORAGE.appDb,
	pouchIdbName(STORAGE.contentDb),
	'workbox-expiration'
]);

/**
 * Whether a cached response may stay after a session: the precache, and public pages and
 * content without a query (`$lib/policy` decides which paths are public, on their normalised
 * spelling).
 */
export function isPublicCacheEntry(cacheName: string, url: URL): boolean {
	if (isCodeCache(cacheName)) return true;
	if (cacheName === CACHES.content || cacheName === CACHES.pages) return keptAfterKioskSession(url);
	return false;
}

/** The caches of the build's code (the precache, and what is cached right after it). */
const isCodeCache = (cacheName: string) =>
	cacheName.startsWith('workbox-precache') || cacheName === CACHES.laterCode;

export interface ResetEnv {
	db: AppDb;
	localStorage?: Storage;
	sessionStorage?: Storage;
	caches?: CacheStorage;
	indexedDB?: IDBFactory;
}

export interface ResetReport {
	sealedKept: number;
	sealedNow: number;
	/** Answers to consultas still waiting to be sent (kept, each with its own device key). */
	answersKept: number;
	dropped: number;
	tablesCleared: string[];
	databasesDeleted: string[];
	cacheEntriesDeleted: number;
	cachesDeleted: string[];
}

/** IndexedDB requests as promises; a delete blocked by another tab gives up after `ms`. */
function done<T>(req: IDBRequest<T> | IDBOpenDBRequest, ms = 3000): Promise<T | undefined> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => resolve(undefined), ms);
		req.onsuccess = () => (clearTimeout(timer), resolve(req.result as T));
		req.onerror = () => (clearTimeout(timer), reject(req.error));
	});
}

async function cleanDexie(db: AppDb, report: ResetReport): Promise<void> {
	const key = (await db.meta.get(KIOSK_KEY_META))?.value as PublicSealKey | undefined;
	// Sealing is done before the transaction: WebCrypto calls would end it early.
	const rows = await db.outbox.toArray();
	const resealed: SealedOutboxRow[] = [];
	for (const row of rows) {
		if (row.sealed) continue;
		if (!key) continue;
		resealed.push({
			id: row.id,
			sealed: await sealSubmission(row.submission, key),
			provisionalCode: provisionalCode(row.id),
			state: 'pendiente' as const,
			attempts: row.attempts,
			nextAttemptAt: row.nextAttemptAt,
			queuedAt: row.queuedAt
		});
	}
	await db.transaction('rw', db.tables, async () => {
		for (const table of db.tables) {
			if (KEPT_TABLES.has(table.name)) continue;
			await table.clear();
			report.tablesCleared.push(table.name);
		}
		const meta = await db.meta.toCollection().primaryKeys();
		await db.meta.bulkDelete(meta.filter((k) => !KEPT_META.has(String(k))));
		for (const row of rows) {
			if (row.sealed && row.state !== 'rechazada') {
				report.sealedKept++;
			} else if (!row.sealed && key) {
				report.sealedNow++;
			} else {
				// A sealed request the server refused can never be filed, and a plain one without
				// the server's key cannot be made unreadable: neither may stay for the next person.
				await db.outbox.delete(row.id);
				report.dropped++;
			}
		}
		await db.outbox.bulkPut(resealed);
		// An answer to a consulta still waiting is an opinion that must be counted; answers sent
		// (already reduced to "this device answered") or refused go.
		const answered = await db.respuestas
			.filter((r) => r.state === 'confirmada' || r.state === 'rechazada')
			.primaryKeys();
		await db.respuestas.bulkDelete(answered);
		report.answersKept = await db.respuestas.count();
	});
}

async function cleanCaches(caches: CacheStorage, report: ResetReport): Promise<Set<string>> {
	const removed = new Set<string>();
	for (const name of await caches.keys()) {
		if (isCodeCache(name)) continue;
		const cache = await caches.open(name);
		const requests = await cache.keys();
		if (name !== CACHES.pages && name !== CACHES.content) {
			// A cache this module does not know may hold anything: it goes whole.
			await caches.delete(name);
			report.cachesDeleted.push(name);
			for (const r of requests) removed.add(`${name}|${r.url}`);
			continue;
		}
		for (const r of requests) {
			if (isPublicCacheEntry(name, new URL(r.url))) continue;
			await cache.delete(r);
			removed.add(`${name}|${r.url}`);
			report.cacheEntriesDeleted++;
		}
	}
	return removed;
}

/** Workbox keeps each cached URL and its time in IndexedDB for expiry: those URLs go too. */
async function cleanExpiryRecords(idb: IDBFactory, removed: Set<string>): Promise<void> {
	const open = idb.open('workbox-expiration');
	let created = false;
	open.onupgradeneeded = () => {
		// It did not exist: abort instead of creating an empty database.
		created = true;
		open.transaction?.abort();
	};
	const db = await done(open).catch(() => undefined);
	if (!db || created) return;
	try {
		if (!db.objectStoreNames.contains('cache-entries')) return;
		const tx = db.transaction('cache-entries', 'readwrite');
		const store = tx.objectStore('cache-entries');
		const entries = (await done(store.getAll())) as Array<{
			id: string;
			cacheName: string;
			url: string;
		}>;
		for (const e of entries ?? []) {
			if (removed.has(`${e.cacheName}|${e.url}`)) store.delete(e.id);
		}
		await new Promise<void>((resolve) => {
			tx.oncomplete = tx.onerror = tx.onabort = () => resolve();
		});
	} finally {
		db.close();
	}
}

async function deleteOtherDatabases(
	idb: IDBFactory,
	appDb: string,
	report: ResetReport
): Promise<void> {
	if (typeof idb.databases !== 'function') return;
	for (const { name } of await idb.databases()) {
		if (!name || name === appDb || KEPT_DATABASES.has(name)) continue;
		await done(idb.deleteDatabase(name)).catch(() => undefined);
		report.databasesDeleted.push(name);
	}
}

function cleanStorage(local: Storage | undefined, session: Storage | undefined): void {
	session?.clear();
	if (!local) return;
	const keys = Array.from({ length: local.length }, (_, i) => local.key(i)).filter(
		(k): k is string => k !== null && !KEPT_LOCAL_KEYS.has(k)
	);
	for (const k of keys) local.removeItem(k);
}

/** Removes every trace of the session's citizen from the device (see the module comment). */
export async function resetKioskDevice(env: ResetEnv): Promise<ResetReport> {
	const report: ResetReport = {
		sealedKept: 0,
		answersKept: 0,
		sealedNow: 0,
		dropped: 0,
		tablesCleared: [],
		databasesDeleted: [],
		cacheEntriesDeleted: 0,
		cachesDeleted: []
	};
	cleanStorage(env.localStorage, env.sessionStorage);
	await cleanDexie(env.db, report);
	// Requests still queued must keep going out on every start, even if the device later
	// leaves kiosk mode: the layout starts the outbox on this flag (it names no one).
	if (report.sealedKept + report.sealedNow > 0)
		env.localStorage?.setItem(STORAGE.requestsFlag, '1');
	if (report.answersKept > 0) env.localStorage?.setItem(STORAGE.answersFlag, '1');
	const removed = env.caches ? await cleanCaches(env.caches, report) : new Set<string>();
	if (env.indexedDB) {
		await cleanExpiryRecords(env.indexedDB, removed);
		await deleteOtherDatabases(env.indexedDB, env.db.name, report);
	}
	return report;
}
