// A short-lived in-process cache of anonymous public page HTML (a "micro-cache").
//
// Why: every public page is server-rendered on each request, and rendering the home page costs a
// few milliseconds of CPU (loads, Svelte SSR, data serialization, ETag, Brotli). When many phones
// open the portal at once — a school class, a community meeting, the morning after an outage —
// those renders queue behind each other on one core and the last phone waits seconds. Public
// pages are the same for every anonymous visitor with the same language, so one render can answer
// all of them for a few seconds: content changes (seed, back office) show up at most `ttlMs`
// later.
//
// What is never cached, on the request side: anything but GET; requests with credentials (an
// `Authorization` header or the session cookie); forms, tracking, the visitor's own requests, the
// back office and the API (personal or state-changing, and the API has its own caching). On the
// response side only a complete 200 `text/html` page without `Set-Cookie`, without
// `Cache-Control: private / no-store / no-cache`, and whose `Vary` names nothing but
// `Accept-Encoding` is kept.
//
// The key is the URL (path and query), the language cookie (the only cookie public pages read)
// and the `Accept-Encoding` header: the middleware runs before `compression`, so it stores the
// compressed bytes actually sent and a hit costs no rendering and no compression. Responses say
// `Vary: Cookie` because the language comes from a cookie; before this they were already
// language-dependent without saying so.
//
// Misses for the same key that arrive while the first one renders wait for it instead of
// rendering the same page again (request coalescing): a burst on a cold entry costs one render,
// not one per device. Once a copy is past its TTL the next request renders the page again while
// the others keep getting that copy for up to `staleMs` (stale-while-revalidate): under load a
// render takes seconds, and a burst must not queue behind it.

import { mayShareRender } from '../src/lib/policy.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/**
 * Runs in front of Express (see `front-middleware.js`): plain Node request and response.
 * @typedef {import('./front-middleware.js').FrontMiddleware} FrontMiddleware
 */

/** Response headers not replayed on a hit: per-connection or recomputed for the new response. */
const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'transfer-encoding',
	'date',
	'content-length'
]);

/**
 * @typedef {object} Entry
 * @property {Buffer} body
 * @property {Record<string, number | string | string[]>} headers
 * @property {number} expires
 */

/**
 * Adds `name` to the response's `Vary` header unless it is there already.
 * @param {ServerResponse} res
 * @param {string} name
 */
function addVary(res, name) {
	const current = String(res.getHeader('vary') ?? '');
	const names = current.split(',').map((v) => v.trim().toLowerCase());
	if (names.includes('*') || names.includes(name.toLowerCase())) return;
	res.setHeader('vary', current.trim() ? `${current}, ${name}` : name);
}

/**
 * @param {string} header
 * @param {string} name
 */
function cookieValue(header, name) {
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
	}
	return undefined;
}

/**
 * @param {object} opts
 * @param {number} opts.ttlMs  how long a rendered page is reused
 * @param {number} [opts.staleMs]  how long past its TTL a copy may still answer while the page
 *   renders again (stale-while-revalidate)
 * @param {number} opts.maxEntries  most pages kept (least recently used go first)
 * @param {number} opts.maxBytes  most body bytes kept in total
 * @param {number} [opts.maxEntryBytes]  larger pages are not kept
 * @param {number} [opts.coalesceWaitMs]  how long a miss waits for the same page's render
 * @param {string[]} opts.privateCookies  requests carrying any of them are never cached (a
 *   session, a kiosk's enrolment: the page is rendered for that person or device)
 * @param {string} opts.localeCookie  part of the key
 * @returns {FrontMiddleware & { clear: () => void, size: () => number }}
 */
export function pageCache({
	ttlMs,
	staleMs = 30_000,
	maxEntries,
	maxBytes,
	maxEntryBytes = 1024 * 1024,
	coalesceWaitMs = 10_000,
	privateCookies,
	localeCookie
}) {
	/** @type {Map<string, Entry>} insertion order = least recently used first */
	const entries = new Map();
	/** @type {Map<string, Promise<void>>} renders in flight, by key */
	const inFlight = new Map();
	/**
	 * Keys whose last response could not be kept (a 404, a page that sets a cookie), until when:
	 * their requests go straight to the app instead of queueing behind each other's render.
	 * @type {Map<string, number>}
	 */
	const uncacheable = new Map();
	let bytes = 0;

	/** @param {string} key */
	const drop = (key) => {
		const e = entries.get(key);
		if (!e) return;
		bytes -= e.body.length;
		entries.delete(key);
	};

	/**
	 * @param {string} key
	 * @param {Entry} entry
	 */
	const store = (key, entry) => {
		drop(key);
		entries.set(key, entry);
		bytes += entry.body.length;
		for (const oldest of entries.keys()) {
			if (entries.size <= maxEntries && bytes <= maxBytes) break;
			drop(oldest);
		}
	};

	/**
	 * The entry for `key` and whether it is past its TTL; entries past the stale window too are
	 * dropped.
	 * @param {string} key
	 * @returns {{ entry: Entry, stale: boolean } | undefined}
	 */
	const lookup = (key) => {
		const entry = entries.get(key);
		if (!entry) return undefined;
		const now = Date.now();
		if (entry.expires + staleMs <= now) {
			drop(key);
			return undefined;
		}
		// Move to the most recently used end.
		entries.delete(key);
		entries.set(key, entry);
		return { entry, stale: entry.expires <= now };
	};

	/**
	 * @param {IncomingMessage} req
	 * @param {ServerResponse} res
	 * @param {Entry} entry
	 * @param {'hit' | 'stale'} [how]
	 */
	const replay = (req, res, entry, how = 'hit') => {
		for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
		res.setHeader('x-ventanilla-cache', how);
		const etag = entry.headers.etag;
		const inm = req.headers['if-none-match'];
		if (typeof etag === 'string' && inm && inm.split(/\s*,\s*/).includes(etag)) {
			res.removeHeader('content-encoding');
			res.statusCode = 304;
			res.end();
			return;
		}
		res.statusCode = 200;
		res.setHeader('content-length', entry.body.length);
		res.end(entry.body);
	};

	/** @param {IncomingMessage} req */
	const keyOf = (req) => {
		if (req.method !== 'GET' || req.headers.authorization || req.headers.range) return null;
		const cookies = req.headers.cookie ?? '';
		if (cookies && privateCookies.some((name) => cookieValue(cookies, name) !== undefined)) {
			return null;
		}
		const url = req.url ?? '/';
		const path = url.split('?')[0] ?? url;
		// Only public pages (`src/lib/policy.js`, on the path's normalised spelling): never the
		// personal ones (forms carry a per-render id, tracking, own requests, receipts), the back
		// office, the API or assets.
		if (!mayShareRender(path)) return null;
		// Files (`/robots.txt`, `/service-worker.js`, `…/__data.json`) are not pages: sirv serves
		// the static ones from disk with their own caching, and page data is JSON.
		if ((path.slice(path.lastIndexOf('/') + 1) || '').includes('.')) return null;
		const locale = (cookies && cookieValue(cookies, localeCookie)) ?? '';
		const encoding = String(req.headers['accept-encoding'] ?? '')
			.replace(/\s+/g, '')
			.toLowerCase();
		return `${url}\n${locale.slice(0, 16)}\n${encoding}`;
	};

	/** @type {FrontMiddleware} */
	const middleware = (req, res, next) => {
		const key = keyOf(req);
		if (key === null) return next();
		// Whatever is sent for this key depends on the language cookie.
		addVary(res, 'Cookie');
		const found = lookup(key);
		if (found && !found.stale) return replay(req, res, found.entry);
		const until = uncacheable.get(key);
		if (until !== undefined) {
			if (until > Date.now()) return next();
			uncacheable.delete(key);
		}
		const pending = inFlight.get(key);
		if (pending) {
			// Someone is rendering this page now: the previous copy if there is one (a page a few
			// seconds old beats queueing behind a render under load), else wait for the render
			// (bounded), then use it or render.
			if (found) return replay(req, res, found.entry, 'stale');
			/** @type {ReturnType<typeof setTimeout> | undefined} */
			let timer;
			const waited = new Promise((resolve) => (timer = setTimeout(resolve, coalesceWaitMs)));
			Promise.race([pending, waited]).then(() => {
				clearTimeout(timer);
				const now = lookup(key);
				if (now) replay(req, res, now.entry, now.stale ? 'stale' : 'hit');
				else next();
			}, next);
			return;
		}
		/** @type {() => void} */
		let settle = () => {};
		inFlight.set(
			key,
			new Promise((resolve) => {
				settle = resolve;
			})
		);
		const done = () => {
			if (inFlight.get(key)) inFlight.delete(key);
			settle();
		};
		capture(res, (body, complete) => {
			const h = res.getHeaders();
			const type = String(h['content-type'] ?? '');
			const cc = String(h['cache-control'] ?? '').toLowerCase();
			const vary = String(h.vary ?? '')
				.toLowerCase()
				.split(',')
				.map((v) => v.trim())
				.filter(Boolean);
			const cacheable =
				body !== null &&
				res.statusCode === 200 &&
				type.startsWith('text/html') &&
				h['set-cookie'] === undefined &&
				!/\b(private|no-store|no-cache)\b/.test(cc) &&
				vary.every((v) => v === 'accept-encoding' || v === 'cookie') &&
				body.length <= maxEntryBytes;
			if (cacheable) {
				/** @type {Entry['headers']} */
				const headers = {};
				for (const [name, value] of Object.entries(h)) {
					if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
				}
				store(key, { body, headers, expires: Date.now() + ttlMs });
			} else if (complete) {
				// The page cannot be kept any more (removed, now personal): its old copy must not be
				// served either. A cut-short response says nothing about the page.
				drop(key);
				if (uncacheable.size >= maxEntries) uncacheable.clear();
				uncacheable.set(key, Date.now() + ttlMs);
			}
			done();
		});
		next();
	};

	return Object.assign(middleware, {
		clear: () => {
			entries.clear();
			uncacheable.clear();
			bytes = 0;
		},
		size: () => entries.size
	});

	/**
	 * Collects the bytes written to `res` (after the compression installed later, which writes
	 * through these), and calls `onEnd` with them once the response has been fully sent (`null`
	 * if it grew past `maxEntryBytes`), or with `complete` false when it was cut short.
	 * @param {ServerResponse} res
	 * @param {(body: Buffer | null, complete: boolean) => void} onEnd
	 */
	function capture(res, onEnd) {
		/** @type {Buffer[] | null} */
		let chunks = [];
		let size = 0;
		const write = res.write;
		const end = res.end;
		/** @param {unknown} chunk @param {unknown} encoding */
		const keep = (chunk, encoding) => {
			if (chunks === null || chunk == null || typeof chunk === 'function') return;
			const buf = Buffer.isBuffer(chunk)
				? chunk
				: typeof chunk === 'string'
					? Buffer.from(
							chunk,
							typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8'
						)
					: Buffer.from(/** @type {Uint8Array} */ (chunk));
			size += buf.length;
			if (size > maxEntryBytes) chunks = null;
			else chunks.push(buf);
		};
		res.write = /** @type {typeof res.write} */ (
			function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
				keep(chunk, encoding);
				return write.call(this, chunk, encoding, cb);
			}
		);
		res.end = /** @type {typeof res.end} */ (
			function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
				keep(chunk, encoding);
				return end.call(this, chunk, encoding, cb);
			}
		);
		let called = false;
		/** @param {Buffer | null} body @param {boolean} complete */
		const finish = (body, complete) => {
			if (called) return;
			called = true;
			onEnd(body, complete);
		};
		res.once('finish', () => finish(chunks ? Buffer.concat(chunks) : null, true));
		res.once('close', () => finish(null, false));
	}
}
