/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Ventanilla's service worker.
 * - Precaches the app (hashed JS/CSS, static files and the offline shell) at install, except
 *   the code of the pages a citizen needs least offline, which it caches right after.
 * - Pages: network first with a short timeout, falling back to the cached copy of the page and,
 *   for pages never visited, to the offline shell, which renders them from the device's copy of
 *   the content.
 * - Content API: network first, cached, so pages opened before the first full sync work offline.
 * - Sync and everything else: network only (PouchDB keeps its own state).
 */
import { build, files, prerendered, version } from '$service-worker';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute, NavigationRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { clientsClaim } from 'workbox-core';
import type { WorkboxPlugin } from 'workbox-core/types';
import {
	CACHES,
	COOKIES,
	LOCALE_COOKIE_MAX_AGE_S,
	SYNC,
	isPrivatePath,
	languageReturnPath,
	mayStorePage
} from '$lib/policy';
import { baseLocale, locales } from '$lib/paraglide/runtime';
import { installPrecache, type PrecacheIo } from '$lib/pwa/precache-install';
import plan from '$precache-plan';
// Static, not `import()`: browsers refuse dynamic imports in a service worker (the sync below
// failed with a TypeError every time, so only an open page ever sent the outbox).
import { getAppDb } from '$lib/db';
import { flushOutbox, makeAllDue } from '$lib/outbox/outbox';

declare const self: ServiceWorkerGlobalScope;

/** Where the offline shell is; see src/routes/app-shell. */
const SHELL = '/app-shell';
/** Give a slow link this long before answering from the cache (s). */
const NETWORK_TIMEOUT_S = 4;

self.skipWaiting();
clientsClaim();

/** Build files only the back office loads (scripts/precache-plan.js): fetched when used. */
const onDemand = new Set(plan.onDemand.map((file) => `/${file}`));
/** A bundle of the plan: its URL and the (absolute) URLs of the files inside it. */
const bundleOf = (entry: { file: string; files: string[] } | null) =>
	entry && {
		url: `/${entry.file}`,
		files: new Set(entry.files.map((file) => new URL(`/${file}`, self.location.origin).href))
	};
/** The install's scripts and stylesheets in one download (scripts/precache-plan.js). */
const bundle = bundleOf(plan.bundle);
/** The code of `PAGES_CACHED_AFTER_INSTALL`, downloaded once the worker is in control. */
const later = bundleOf(plan.later);
const laterPaths = new Set(plan.later?.files.map((file) => `/${file}`));

/**
 * Static files no page loads: the manifest's screenshots and launcher icons are for the
 * browser's install dialog, which fetches them itself, online (pages use `/icons/icon.svg`);
 * robots.txt is for crawlers.
 */
const NOT_FOR_PAGES = /\.(png|ico)$|^\/icons\/icon-maskable|^\/robots\.txt$/;

/** The network and Cache Storage, as the precache's installer uses them. */
const workerIo: PrecacheIo = {
	fetch: (request) => fetch(request),
	open: (name) => caches.open(name)
};

const precache = new PrecacheController();
precache.addToCacheList([
	// The search-index worker runs only after a pull, i.e. online: fetched when needed, not
	// precached (it would add ~90 KB to every install).
	...build
		.filter(
			(url) =>
				!url.includes('/workers/') &&
				!onDemand.has(url) &&
				!laterPaths.has(url) &&
				url !== bundle?.url &&
				url !== later?.url
		)
		.map((url) => ({ url, revision: null })),
	...files.filter((f) => !NOT_FOR_PAGES.test(f)).map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
]);
registerRoute(new PrecacheRoute(precache));
self.addEventListener('install', (event) => {
	event.waitUntil(
		installPrecache(
			{
				cacheName: precache.strategy.cacheName,
				entries: precache.getURLsToCacheKeys(),
				...(bundle && { bundle })
			},
			workerIo
		)
	);
});
// Drops the files of earlier builds that this one no longer lists.
self.addEventListener('activate', (event) => void precache.activate(event));
cleanupOutdatedCaches();

// The code cached after the install: from the cache, else from the network (then kept).
registerRoute(
	({ url }) => url.origin === self.location.origin && laterPaths.has(url.pathname),
	new CacheFirst({ cacheName: CACHES.laterCode })
);

let laterCode: Promise<void> | undefined;

/**
 * Downloads the code of the pages cached after the install (one bundle, or the few files an
 * update changed) and drops that of earlier builds. Once per worker; a failed try (no signal)
 * is tried again at the next page's start.
 */
function cacheLaterCode(): Promise<void> {
	laterCode ??= (async () => {
		if (!later) return;
		const urls = [...later.files];
		await installPrecache(
			{ cacheName: CACHES.laterCode, entries: urls.map((url) => [url, url]), bundle: later },
			workerIo
		);
		const cache = await caches.open(CACHES.laterCode);
		for (const request of await cache.keys()) {
			if (!later.files.has(request.url)) await cache.delete(request);
		}
	})().catch((e: unknown) => {
		laterCode = undefined;
		throw e;
	});
	return laterCode;
}

/**
 * A page answered from this device's cache loses its `Link` header. The server sends one with
 * `modulepreload` for every script of the page (~20) so that on a slow link they download while
 * the HTML is parsed. From the cache there is nothing to wait for: the preloads all arrive at
 * once, and the browser compiles each module on the main thread before it paints the page —
 * on a cheap phone that pushed the first paint of a repeat visit offline several hundred ms
 * back. Without them the scripts load when SvelteKit's start-up script asks for them, after the
 * HTML has been parsed, and the page paints first.
 */
const withoutPreloads: WorkboxPlugin = {
	cachedResponseWillBeUsed: async ({ cachedResponse }) => {
		if (!cachedResponse?.headers.has('link')) return cachedResponse;
		const headers = new Headers(cachedResponse.headers);
		headers.delete('link');
		return new Response(cachedResponse.body, {
			status: cachedResponse.status,
			statusText: cachedResponse.statusText,
			headers
		});
	}
};

const pages = new NetworkFirst({
	cacheName: CACHES.pages,
	networkTimeoutSeconds: NETWORK_TIMEOUT_S,
	plugins: [new ExpirationPlugin({ maxEntries: 300, purgeOnQuotaError: true }), withoutPreloads]
});

registerRoute(
	new NavigationRoute(async (options) => {
		if (LANGUAGE_SWITCH.test(options.url.pathname)) {
			return switchLanguage(options.request, options.url);
		}
		// Back-office pages hold citizens' personal data: straight to the network, never kept
		// in the device's cache, whatever their spelling (the official's offline workspace is
		// /trabajo, which renders from IndexedDB).
		if (!mayStorePage(options.url.pathname)) return fetch(options.request);
		try {
			const response = await pages.handle(options);
			if (response && !(await inAnotherLanguage(response))) return response;
		} catch {
			// offline and never visited: fall through to the shell
		}
		return (await precache.matchPrecache(SHELL)) ?? Response.error();
	})
);

/**
 * The language switch's plain link (`/idioma/<locale>?volver=`), followed before the page's
 * scripts start or without them.
 */
const LANGUAGE_SWITCH = /^\/idioma\/([a-z]{2})$/;

/**
 * The server remembers the choice in a cookie and goes back. With no signal the worker does it:
 * the cookie through the Cookie Store API where the browser offers it to workers (the page then
 * renders in that language, see `inAnotherLanguage`); elsewhere the page opens in the language
 * it had — never the browser's offline error page.
 */
async function switchLanguage(request: Request, url: URL): Promise<Response> {
	try {
		return await fetch(request);
	} catch {
		const locale = locales.find((l) => l === LANGUAGE_SWITCH.exec(url.pathname)?.[1]);
		const store = (self as unknown as { cookieStore?: CookieJar }).cookieStore;
		if (locale && store) {
			await store
				.set({
					name: COOKIES.locale,
					value: locale,
					path: '/',
					expires: Date.now() + LOCALE_COOKIE_MAX_AGE_S * 1000,
					sameSite: 'lax'
				})
				.catch(() => undefined);
		}
		// Only the portal's own pages, as on the server: never an open redirect.
		const back = languageReturnPath(url.searchParams.get('volver'));
		return Response.redirect(new URL(back, self.location.origin).href, 303);
	}
}

/**
 * Whether a page (a stored copy, when offline) is in another language than the one chosen on
 * this device: the shell then renders it in the chosen one, so the language switch works with
 * no signal. Chosen = the switch's cookie, read through the Cookie Store API where the browser
 * offers it to workers (Chromium, Safari); elsewhere the stored page is shown as it is.
 */
async function inAnotherLanguage(response: Response): Promise<boolean> {
	const pageLocale = response.headers.get('content-language');
	const store = (self as unknown as { cookieStore?: CookieJar }).cookieStore;
	if (!pageLocale || !store) return false;
	try {
		const chosen = (await store.get(COOKIES.locale))?.value ?? baseLocale;
		return chosen !== pageLocale;
	} catch {
		return false;
	}
}

/** What the worker uses of the Cookie Store API. */
interface CookieJar {
	get(name: string): Promise<{ value: string } | null | undefined>;
	set(cookie: {
		name: string;
		value: string;
		path: string;
		expires: number;
		sameSite: 'lax';
	}): Promise<void>;
}

registerRoute(
	({ url, request }) =>
		request.method === 'GET' &&
		url.origin === self.location.origin &&
		/^\/api\/(contenido\/|buscar$)/.test(url.pathname) &&
		!isPrivatePath(url.pathname),
	new NetworkFirst({
		cacheName: CACHES.content,
		networkTimeoutSeconds: NETWORK_TIMEOUT_S,
		plugins: [new ExpirationPlugin({ maxEntries: 500, purgeOnQuotaError: true })]
	})
);

// The page that installed the worker asks for itself to be cached (it loaded before the worker
// could see it); only same-origin pages, into the same cache navigations use.
self.addEventListener('message', (event) => {
	const data = event.data as { type?: string; url?: string } | undefined;
	// A page that started uncontrolled while this worker was active (see $lib/pwa/register).
	if (data?.type === 'CLAIM') return event.waitUntil(self.clients.claim());
	// A page started (see $lib/pwa/register); it may wait for the answer on a port.
	if (data?.type === 'CACHE_LATER_CODE') {
		const reply = (ok: boolean) => event.ports[0]?.postMessage({ ok });
		return event.waitUntil(
			cacheLaterCode().then(
				() => reply(true),
				() => reply(false)
			)
		);
	}
	if (data?.type !== 'CACHE_PAGE' || typeof data.url !== 'string') return;
	const url = new URL(data.url);
	if (url.origin !== self.location.origin || !mayStorePage(url.pathname)) return;
	event.waitUntil(
		caches
			.open(CACHES.pages)
			.then((cache) => cache.add(url.href))
			.catch(() => {})
	);
});

// Background Sync: the browser wakes the worker when the connection returns, even with the
// portal closed, and the outbox is sent from here (same code and lock as the pages).
interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
}
self.addEventListener('sync', (event) => {
	const e = event as SyncEvent;
	if (e.tag !== SYNC.outbox) return;
	e.waitUntil(
		(async () => {
			// The browser says the connection is back: what waits for its next try goes now.
			await makeAllDue(getAppDb());
			const result = await flushOutbox(getAppDb());
			for (const client of await self.clients.matchAll()) {
				// Sealed (kiosk) filings travel only in memory, to the receipt on screen.
				client.postMessage({ type: 'outbox-flushed', sealedFiled: result.sealedFiled });
			}
			// Items still waiting make the browser retry the sync later.
			if (result.pending) throw new Error('pendientes');
		})()
	);
});
