/**
 * The content gate's busiest answers straight from Node's request, in front of SvelteKit (see
 * `$lib/server/http/node-middleware`). Every phone that pulls the content asks the same three
 * things: the database's info, `_changes` since its checkpoint and `_bulk_get` of what changed,
 * and between two publications the answers are the same for everyone (`response-cache.ts`).
 * Through SvelteKit each cost 1.0–1.7 ms of the app's core, mostly SvelteKit's own work per
 * request; replayed here, 0.2–0.4 ms (bench server-load: 500 devices ask 1,500 of them within
 * seconds).
 *
 * Nothing is decided here that `content-proxy.ts` did not decide: only an answer the gate already
 * gave is replayed, to the same request (method, path and query, body) at the same content
 * sequence. Anything else goes on to SvelteKit untouched, except a `_bulk_get` whose body had to
 * be read to know: that one is handed to the gate from here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSeq } from '$lib/server/content/repo';
import { isJsonContentType } from '$lib/server/http/json-body';
import { sendAnswer, type NodeMiddleware } from '$lib/server/http/node-middleware';
import { uploads } from '$lib/server/limits/upload-budget';
import { databaseInfo, MAX_BULK_GET_BYTES, noStore, proxyContentSync } from './content-proxy';
import { replay, type CachedAnswer } from './response-cache';

/** Where SvelteKit serves the gate (`src/routes/api/sync/contenido/[...path]`). */
const GATE = '/api/sync/contenido';

export const contentGateFastPath: NodeMiddleware = (req, res, next) => {
	if (!req.url?.startsWith(GATE)) return next();
	const url = new URL(req.url, 'http://gate');
	const path = url.pathname === GATE ? '' : url.pathname.slice(GATE.length);
	if (req.method === 'GET' && (path === '' || path === '/')) {
		contentSeq().then(
			(seq) =>
				sendAnswer(
					res,
					200,
					{ ...noStore, 'content-type': 'application/json' },
					JSON.stringify(databaseInfo(seq))
				),
			// The store cannot be read: SvelteKit's route answers that (a 503 PouchDB retries).
			() => next()
		);
		return;
	}
	if (req.method === 'GET' && path === '/_changes') {
		contentSeq().then((seq) => {
			const answer = replay(seq, 'GET', url, '', req.headers['accept-encoding'] ?? null);
			if (answer) sendReplay(res, answer);
			else next();
		}, next);
		return;
	}
	if (req.method === 'POST' && path === '/_bulk_get') {
		const length = Number(req.headers['content-length']);
		// Only a body the gate would read whole; a chunked, oversized or non-JSON one is refused
		// by the gate itself, through SvelteKit.
		if (!isJsonContentType(req.headers['content-type'] ?? null)) return next();
		if (!Number.isInteger(length) || length > MAX_BULK_GET_BYTES) return next();
		// The same budget of body bytes in flight as SvelteKit's hook; when it is full, the hook
		// answers that the server is busy.
		const release = uploads.reserve(length);
		if (!release) return next();
		bulkGet(req, res, url)
			.catch((e: unknown) => {
				// The device went away while sending; anything else is a fault worth a log line.
				if (!req.destroyed) console.error(`Puerta de sincronización: ${String(e)}`);
				res.destroy();
			})
			.finally(release);
		return;
	}
	next();
};

async function bulkGet(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	const text = await readText(req);
	const acceptEncoding = req.headers['accept-encoding'] ?? null;
	const seq = await contentSeq().catch(() => null);
	const answer = seq === null ? undefined : replay(seq, 'POST', url, text, acceptEncoding);
	if (answer) return sendReplay(res, answer);
	// Not given yet at this sequence: the gate answers (and keeps the answer for the next ones).
	// The client's address is used by long polls only, which never come this way.
	const response = await proxyContentSync(
		new Request(url, {
			method: 'POST',
			headers: {
				'content-type': req.headers['content-type'] ?? '',
				...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {})
			},
			body: text
		}),
		'_bulk_get',
		''
	);
	sendAnswer(
		res,
		response.status,
		Object.fromEntries(response.headers),
		new Uint8Array(await response.arrayBuffer())
	);
}

/** A replayed answer says so, as the page cache's hits do (`server/page-cache.js`). */
function sendReplay(res: ServerResponse, answer: CachedAnswer): void {
	sendAnswer(res, 200, { ...answer.headers, 'x-ventanilla-cache': 'hit' }, answer.body);
}

async function readText(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
