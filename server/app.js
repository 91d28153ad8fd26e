// The app server: Express in front of SvelteKit's handler (adapter-node). `server/index.js` runs
// it in each worker process, or in the one process when `WORKERS=1`; the store is wherever
// COUCHDB_URL points by the time this runs.
import express from 'express';
import http from 'node:http';
import compression from 'compression';
import cluster from 'node:cluster';
import { constants as zlib } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { pageCache } from './page-cache.js';
import { inFrontOf } from './front-middleware.js';
import { lookupGate } from './lookup-gate.js';
import { addAcceptHandles } from './accept-handles.js';
import { COOKIES, LIMITS, NODE_MIDDLEWARE_KEY, PERSONAL_COOKIES } from '../src/lib/policy.js';
import { applyAdapterDefaults } from '../src/lib/server/config.js';

/** Pending connections the kernel may queue for this server (see the listen call). */
const LISTEN_BACKLOG = 4096;
/** Descriptors of the listening socket besides the first (see accept-handles.js). */
const EXTRA_ACCEPT_HANDLES = 63;

/**
 * Serves the app on `settings.PORT` until SIGTERM or SIGINT. In a cluster worker the port is the
 * primary's, shared by every worker.
 * @param {import('../src/lib/server/config.js').Config} settings
 */
export async function serveApp(settings) {
	// adapter-node assumes https unless told otherwise, which makes its CSRF check refuse plain-HTTP
	// form posts (the no-JavaScript forms). Unless the operator configured ORIGIN or a proxy's
	// PROTOCOL_HEADER, the protocol is taken from this server's own socket, in a header that the
	// middleware below always overwrites so a client cannot forge it. Requests carry up to five
	// compressed photos as base64 (≈ 10 MB at most); adapter-node's default body limit is 512 KB.
	const OWN_PROTOCOL_HEADER = 'x-ventanilla-protocol';
	const { ownProtocol } = applyAdapterDefaults(settings, OWN_PROTOCOL_HEADER);

	// Written by `npm run build`. Loaded through a variable so that TypeScript does not follow it into
	// the bundle (it would type-check the whole build output, or fail on a checkout without one): its
	// type comes from build-handler.d.ts instead.
	const HANDLER_MODULE = '../build/handler.js';
	const { handler } = /** @type {typeof import('./build-handler.js')} */ (
		await import(HANDLER_MODULE)
	);

	const app = express();
	app.disable('x-powered-by');
	// Anonymous public pages rendered once and reused for a few seconds (see page-cache.js): before
	// this, 200 phones opening the home page at once meant 200 renders queued on one core (p95 of
	// ~3 s). In front of `compression`, so it keeps, and replays, the compressed bytes; in front of
	// Express itself with the server bundle's middleware (the content gate's replayed answers:
	// src/lib/server/http/node-middleware.ts), see front-middleware.js.
	const front = [
		pageCache({
			ttlMs: 5000,
			maxEntries: 500,
			maxBytes: 32 * 1024 * 1024,
			// A kiosk's pages carry its layout (`html.kiosco`): never shared with other visitors.
			privateCookies: [...PERSONAL_COOKIES],
			localeCookie: COOKIES.locale
		}),
		.../** @type {import('./front-middleware.js').FrontMiddleware[]} */ (
			/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for(NODE_MIDDLEWARE_KEY)] ?? []
		)
	];
	// Brotli/gzip for SSR HTML, JSON API and sync responses; static assets are precompressed at build
	// time and sirv serves them with Content-Encoding set, which this middleware leaves alone.
	// Brotli quality 5: close to the best ratio for JSON and HTML at a fraction of the CPU of the
	// default maximum, which matters with 200 devices syncing at once.
	app.use(
		compression({
			threshold: 512,
			brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }
		})
	);
	if (ownProtocol) {
		app.use((req, _res, next) => {
			req.headers[OWN_PROTOCOL_HEADER] = /** @type {import('node:tls').TLSSocket} */ (req.socket)
				.encrypted
				? 'https'
				: 'http';
			next();
		});
	}
	// The JSON API takes JSON only. SvelteKit's CSRF check answers form-encoded posts from other
	// origins with English plain text before the app sees them; API clients get a Spanish JSON 415
	// with a code instead (the body is never read, so the connection is closed after the answer).
	const FORM_CONTENT_TYPE =
		/^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;
	app.use('/api', (req, res, next) => {
		if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
		if (!FORM_CONTENT_TYPE.test(req.headers['content-type'] ?? '')) return next();
		const reason = 'Envíe el cuerpo como application/json.';
		// The content sync gate answers in CouchDB's error shape, which PouchDB understands.
		const body = req.originalUrl.startsWith('/api/sync/contenido')
			? { error: 'unsupported_media_type', reason, code: 'tipo_contenido' }
			: { error: { code: 'tipo_contenido', message: reason } };
		res
			.set({
				connection: 'close',
				'cache-control': 'no-store',
				'x-content-type-options': 'nosniff'
			})
			.status(415)
			.json(body);
	});
	// The Spanish text of the refusal comes from the same catalogue as the app's (messages/).
	const messages = /** @type {Record<string, string>} */ (
		JSON.parse(readFileSync(new URL('../messages/es.json', import.meta.url), 'utf8'))
	);
	app.use(
		lookupGate({
			max: LIMITS.trackingInFlight,
			path: '/api/seguimiento',
			message: messages.error_muchas_consultas ?? 'Hay muchas consultas en este momento.',
			retryAfterS: 5
		})
	);
	// Hashed build files never change under their name (`Cache-Control: immutable`), so no
	// browser revalidates them: their ETag and Last-Modified are ~85 bytes per file that a phone
	// on 2G downloads for nothing (~2 KB of the home page's two dozen scripts).
	app.use('/_app/immutable', (_req, res, next) => {
		const writeHead = res.writeHead;
		res.writeHead = /** @type {typeof res.writeHead} */ (
			function (/** @type {any[]} */ ...args) {
				res.removeHeader('etag');
				res.removeHeader('last-modified');
				// sirv passes its headers to writeHead itself.
				const headers = args.find((a) => a && typeof a === 'object' && !Array.isArray(a));
				for (const name of Object.keys(headers ?? {})) {
					if (/^(etag|last-modified)$/i.test(name)) delete headers[name];
				}
				return writeHead.apply(res, /** @type {any} */ (args));
			}
		);
		next();
	});
	app.use(handler);

	const { PORT: port, HOST: host } = settings;
	const server = http.createServer(inFrontOf(front, app));
	// A burst of phones (a school class, the morning after an outage) opens hundreds of
	// connections at once; with Node's default accept queue (511) the ones that do not fit have
	// their SYN dropped and retried by the phone after 1 s, 3 s, 7 s (bench: p95 of the home page
	// 7 s at 500 devices). The kernel caps it at net.core.somaxconn.
	await new Promise((resolve) =>
		server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => resolve(undefined))
	);
	// A cluster's workers share the primary's socket through the cluster module instead.
	const closeExtra = cluster.isWorker
		? () => {}
		: await addAcceptHandles(server, EXTRA_ACCEPT_HANDLES, LISTEN_BACKLOG);
	// Workers say so once, from the primary: one line per worker would read as several servers.
	if (!cluster.isWorker) {
		const shown = host === '0.0.0.0' ? 'localhost' : host;
		console.log(`Ventanilla escuchando en http://${shown}:${port}`);
	}

	function shutdown() {
		closeExtra();
		server.close(() => process.exit(0));
		setTimeout(() => process.exit(0), 3000).unref();
	}
	process.on('SIGTERM', shutdown);
	process.on('SIGINT', shutdown);
	return server;
}
