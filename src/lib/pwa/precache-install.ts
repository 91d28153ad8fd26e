/**
 * Fills the service worker's precache at install.
 *
 * Workbox's own install fetches one file after the other (workbox#2528): ~270 files took 5.5 s
 * on this project's CI machine with no latency at all, and on 3G (400 ms per round trip) each
 * file costs a round trip, so a phone would stay without its offline copy for about two
 * minutes after its first visit. Here the build's scripts and stylesheets come in one download,
 * the precache bundle (scripts/precache-plan.js), and the few other files (the icon, the
 * manifest, the offline shell) a few at a time (a browser opens 6 connections per host anyway).
 *
 * Files already in the cache under the same key are not fetched again: keys are content hashes
 * or carry the build's revision, so an update downloads only what changed — one file at a time
 * when it changed fewer than half of the bundle's files, the bundle otherwise.
 */

import {
	PRECACHE_BUNDLE_TIMEOUT_MS,
	PRECACHE_CONCURRENCY,
	PRECACHE_FILE_TIMEOUT_MS
} from '$lib/policy';
import { precacheBundleSchema } from '$lib/schemas/precache-bundle';

/** The precache as Workbox's PrecacheController describes it, and the bundle of its code. */
export interface PrecacheList {
	/** Cache Storage name of the precache. */
	cacheName: string;
	/** URL to fetch → key it is stored under (the URL, or the URL with its revision). */
	entries: Iterable<[url: string, cacheKey: string]>;
	bundle?: PrecacheBundle;
}

/** One download that holds many of the precache's files. */
export interface PrecacheBundle {
	url: string;
	/** The URLs (absolute) of the files inside it. */
	files: ReadonlySet<string>;
}

/** What the installer uses of the service worker's globals (replaced in unit tests). */
export interface PrecacheIo {
	fetch(request: Request): Promise<Response>;
	open(cacheName: string): Promise<Pick<Cache, 'match' | 'put'>>;
}

type Entry = [url: string, cacheKey: string];
type PrecacheCache = Pick<Cache, 'match' | 'put'>;

/** What a file from the bundle is served as (a module script must come with a script type). */
const contentType = (url: string) =>
	new URL(url).pathname.endsWith('.css') ? 'text/css' : 'text/javascript';

export async function installPrecache(
	list: PrecacheList,
	io: PrecacheIo,
	concurrency = PRECACHE_CONCURRENCY,
	timeoutMs = PRECACHE_FILE_TIMEOUT_MS,
	bundleTimeoutMs = PRECACHE_BUNDLE_TIMEOUT_MS
): Promise<{ fetched: number; kept: number; fromBundle: number }> {
	const cache = await io.open(list.cacheName);
	const entries = [...list.entries];
	const cached = await Promise.all(entries.map(([, key]) => cache.match(key)));
	const missing = entries.filter((_, i) => !cached[i]);
	const kept = entries.length - missing.length;
	const rest = list.bundle
		? await unpackBundle(list.bundle, missing, cache, io, bundleTimeoutMs)
		: missing;
	const fromBundle = missing.length - rest.length;
	const fetched = await fetchEach(rest, cache, io, concurrency, timeoutMs);
	return { fetched, kept, fromBundle };
}

/**
 * Stores the missing files the bundle holds; returns the ones still missing. A bundle that
 * cannot be had (cut, stalled, refused, not what the build wrote) is not an error: its files
 * are then fetched one by one, as without a bundle.
 */
async function unpackBundle(
	bundle: PrecacheBundle,
	missing: Entry[],
	cache: PrecacheCache,
	io: PrecacheIo,
	timeoutMs: number
): Promise<Entry[]> {
	const wanted = missing.filter(([url]) => bundle.files.has(url));
	if (wanted.length === 0 || wanted.length < bundle.files.size / 2) return missing;
	let texts: Record<string, string>;
	try {
		const response = await io.fetch(
			new Request(bundle.url, {
				credentials: 'same-origin',
				signal: AbortSignal.timeout(timeoutMs)
			})
		);
		if (!response.ok || response.redirected) return missing;
		const parsed = precacheBundleSchema.safeParse(await response.json());
		if (!parsed.success) return missing;
		texts = parsed.data;
	} catch {
		return missing;
	}
	const stored = new Set<string>();
	await Promise.all(
		wanted.map(async ([url, key]) => {
			const text = texts[new URL(url).pathname.slice(1)];
			if (text === undefined) return;
			await cache.put(key, new Response(text, { headers: { 'content-type': contentType(url) } }));
			stored.add(url);
		})
	);
	return missing.filter(([url]) => !stored.has(url));
}

/** Fetches and stores each entry, `concurrency` at a time; one failure fails them all. */
async function fetchEach(
	entries: Entry[],
	cache: PrecacheCache,
	io: PrecacheIo,
	concurrency: number,
	timeoutMs: number
): Promise<number> {
	const queue = [...entries];
	let fetched = 0;
	const worker = async () => {
		for (let next = queue.shift(); next; next = queue.shift()) {
			const [url, cacheKey] = next;
			// A key with a revision names a file whose URL does not change with its content: go
			// past the browser's HTTP cache for it. Hashed files may come from that cache.
			const response = await io.fetch(
				new Request(url, {
					cache: cacheKey === url ? 'default' : 'reload',
					credentials: 'same-origin',
					// A stalled file fails the install (tried again later) instead of hanging it.
					signal: AbortSignal.timeout(timeoutMs)
				})
			);
			// One missing file fails the install: the browser keeps the previous worker (or none)
			// and tries again on the next visit, instead of activating a worker that cannot
			// open pages offline.
			if (!response.ok || response.redirected) {
				throw new Error(`precache: ${url} answered ${response.status}`);
			}
			await cache.put(cacheKey, response);
			fetched += 1;
		}
	};
	const stopOnFailure = () =>
		worker().catch((e: unknown) => {
			queue.length = 0;
			throw e;
		});
	await Promise.all(Array.from({ length: Math.max(1, concurrency) }, stopOnFailure));
	return fetched;
}
