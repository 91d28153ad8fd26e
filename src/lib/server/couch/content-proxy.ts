/**
 * The read-only replication gate for public content. Devices replicate `contenido` through
 * here with PouchDB; only what a pull replication needs is forwarded, with a query allow-list,
 * bounded bodies, and design/local documents hidden. Writes never pass.
 */
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { serverErrorText } from '$lib/server/http/api-error';
import { statusOf, type ErrorCode } from '$lib/errors';
import { contentIdSchema } from '$lib/schemas';
import { couch, DB } from './index';
import { cachedJson } from './response-cache';
import { contentSeq } from '$lib/server/content/repo';
import { isJsonContentType } from '$lib/server/http/json-body';
import { ConcurrencyLimit } from '$lib/server/limits/concurrency';
import { ESSENTIALS_FILTER, isEssentialId } from '$lib/content/essentials';

/** Largest `_bulk_get` request accepted: a batch of ids and revs, not documents. */
export const MAX_BULK_GET_BYTES = 512 * 1024;
const MAX_BULK_GET_DOCS = 2000;
const MAX_CHANGES_LIMIT = 5000;
/** Longest a long-poll `_changes` may hold a connection (ms); without `timeout`, the default. */
const MAX_LONGPOLL_MS = 30_000;
const DEFAULT_LONGPOLL_MS = 25_000;
/** How often a waiting long poll looks at the (shared, cached) update sequence. */
const LONGPOLL_CHECK_MS = 1000;
/**
 * Long polls open at once, in total and per client address: each holds a socket for up to
 * `MAX_LONGPOLL_MS`, and hung-up clients by the hundred once exhausted file descriptors.
 */
const longPolls = new ConcurrencyLimit(256, 4);
const LONGPOLL_RETRY_AFTER_S = 10;

const changesQuery = z
	.object({
		style: z.enum(['all_docs', 'main_only']).optional(),
		since: z.string().max(200).optional(),
		limit: z.coerce.number().int().min(1).max(MAX_CHANGES_LIMIT).optional(),
		feed: z.enum(['normal', 'longpoll']).optional(),
		timeout: z.coerce.number().int().min(0).max(MAX_LONGPOLL_MS).optional(),
		heartbeat: z.coerce.number().int().min(1000).max(MAX_LONGPOLL_MS).optional(),
		seq_interval: z.coerce.number().int().min(1).max(MAX_CHANGES_LIMIT).optional(),
		filter: z.literal(ESSENTIALS_FILTER).optional()
	})
	.strict();

/** Rows read from the store at a time while the essentials' feed looks for essential ids. */
const FILTER_SCAN_PAGE = 5000;

/**
 * Only the current revision of a document is public: an editor who removed a name or a phone
 * number from a published item by publishing a correction must not leave it readable in an
 * earlier revision. So no `rev`, `revs_info`, `conflicts`… on a document. `revs=true` (the list
 * of revision ids, no bodies) is what a pull needs to build its tree; `open_revs` is how PouchDB
 * fetches documents once `_bulk_get` failed on a cut link, so it is answered as `_bulk_get` is:
 * the current revision, any other one "missing" (or, with `latest`, the current one).
 */
const docQuery = z
	.object({
		revs: z.enum(['true', 'false']).optional(),
		latest: z.enum(['true', 'false']).optional(),
		open_revs: z.string().max(20_000).optional()
	})
	.strict();

const openRevsSchema = z.union([
	z.literal('all'),
	z.array(z.string().min(1).max(100)).min(1).max(100)
]);

/** `open_revs` as JSON ("all" or a list of revisions), or null when it is not that. */
function parseOpenRevs(raw: string): z.infer<typeof openRevsSchema> | null {
	if (raw === 'all') return 'all';
	try {
		const parsed = openRevsSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

const bulkGetQuery = z
	.object({
		revs: z.enum(['true', 'false']).optional(),
		latest: z.enum(['true', 'false']).optional(),
		attachments: z.enum(['true', 'false']).optional(),
		binary: z.enum(['true', 'false']).optional()
	})
	.strict();

const bulkGetBody = z
	.object({
		docs: z
			.array(
				z.object({
					id: contentIdSchema,
					rev: z.string().max(100).optional(),
					atts_since: z.array(z.string().max(100)).max(100).optional()
				})
			)
			.max(MAX_BULK_GET_DOCS)
	})
	.strict();

export const noStore = { 'cache-control': 'no-store' };

const COUCH_ERROR: Record<number, string> = {
	400: 'bad_request',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	413: 'too_large',
	415: 'unsupported_media_type',
	502: 'bad_gateway'
};

/**
 * Errors in CouchDB's shape (`error`, `reason`), which PouchDB understands and reports, plus
 * our `code` for the UI and logs.
 */
function syncError(code: ErrorCode, extra: Record<string, string> = {}): Response {
	const status = statusOf(code);
	const reason = serverErrorText(code);
	// A 413 is sent before the body was read: close the connection so the unread bytes are not
	// taken for the next request on a kept-alive socket.
	const headers = status === 413 ? { ...noStore, connection: 'close' } : noStore;
	return json(
		{ error: COUCH_ERROR[status] ?? 'error', reason, code },
		{ status, headers: { ...headers, ...extra } }
	);
}

/**
 * The gate for one request from `client` (its address). A store that fails or cannot be
 * reached is a 503 in CouchDB's shape, which PouchDB retries: never a 500 with a stack.
 */
export async function proxyContentSync(
	request: Request,
	path: string,
	client: string
): Promise<Response> {
	try {
		return await route(request, path, client);
	} catch (e) {
		console.error(`Puerta de sincronización: el almacén falló (${String(e)})`);
		return syncError('almacen_no_disponible');
	}
}

async function route(request: Request, path: string, client: string): Promise<Response> {
	const url = new URL(request.url);
	const method = request.method;
	const query = Object.fromEntries(url.searchParams);

	if (path === '' && (method === 'GET' || method === 'HEAD')) {
		// Asked after every batch by every device: answered from the sequence cache.
		return json(databaseInfo(await contentSeq()), { headers: noStore });
	}
	if (path === '_changes' && method === 'GET') {
		const q = changesQuery.safeParse(query);
		if (!q.success) return syncError('consulta_invalida');
		return changes(request, q.data, client);
	}
	if (path === '_bulk_get' && method === 'POST') {
		const q = bulkGetQuery.safeParse(query);
		if (!q.success) return syncError('consulta_invalida');
		const params = new URLSearchParams(q.data as Record<string, string>);
		// No attachment bodies in a pull, whatever the device asks (see forDevices); `latest`
		// is answered here (`currentRevisionsOnly`), never by the store, which could answer
		// with another leaf than the current revision.
		for (const name of [...ATTACHMENT_PARAMS, 'latest']) params.delete(name);
		return bulkGet(request, params, q.data.latest === 'true');
	}
	if (path.startsWith('_local/') && method === 'GET') {
		// Devices keep their checkpoints on their side (checkpoint: 'target').
		return syncError('no_encontrado');
	}
	if (method === 'GET' && contentIdSchema.safeParse(path).success) {
		// Attachment parameters are dropped, as in `_bulk_get` (no attachment leaves the gate).
		const asked = Object.fromEntries(
			Object.entries(query).filter(([name]) => !ATTACHMENT_PARAMS.includes(name))
		);
		const q = docQuery.safeParse(asked);
		if (!q.success) return syncError('consulta_invalida');
		if (q.data.open_revs !== undefined) {
			return openRevisions(path, q.data.open_revs, q.data.revs, q.data.latest === 'true');
		}
		const params = new URLSearchParams(q.data.revs ? { revs: q.data.revs } : {});
		const res = await couch().fetch(`${DB.content}/${encodeURIComponent(path)}?${params}`);
		const text = await res.text();
		return new Response(res.ok ? forDevices(text) : text, {
			status: res.status,
			headers: { 'content-type': 'application/json', ...noStore }
		});
	}
	if (method === 'GET' || method === 'POST') {
		return syncError('solo_lectura');
	}
	return syncError('metodo_no_permitido');
}

/** The gate's answer to `GET /` (PouchDB reads `update_seq`), at content sequence `seq`. */
export function databaseInfo(seq: string): { db_name: string; update_seq: string | number } {
	return { db_name: DB.content, update_seq: /^\d+$/.test(seq) ? Number(seq) : seq };
}

/** Query parameters that would make the store send attachment bodies. */
const ATTACHMENT_PARAMS = ['attachments', 'atts_since', 'att_encoding_info', 'binary'];

/**
 * A store answer without what devices never use, so the offline pack stays small (#16):
 * - `_attachments`: normas' PDFs stay on the server (served from their public page, online
 *   only); with even a stub, PouchDB would fetch each PDF during the pull;
 * - a content document's `body`, the Markdown its editor wrote: devices show the HTML the
 *   server rendered from it (`html`) and search that (`toSearchDoc`): a quarter of the seed's
 *   JSON, an eighth of its compressed pack.
 */
export function parseForDevices(text: string): unknown {
	return JSON.parse(text, function (this: Record<string, unknown>, key, value: unknown) {
		if (key === '_attachments') return undefined;
		if (key === 'body' && typeof this._id === 'string' && typeof this.html === 'string') {
			return undefined;
		}
		return value;
	});
}

/** `parseForDevices` as JSON text; an answer with nothing to drop is returned as it came. */
export function forDevices(text: string): string {
	if (!text.includes('"_attachments"') && !text.includes('"body"')) return text;
	return JSON.stringify(parseForDevices(text));
}

async function changes(
	request: Request,
	q: z.infer<typeof changesQuery>,
	client: string
): Promise<Response> {
	const { feed, timeout, heartbeat: _heartbeat, ...asked } = q;
	const params = new URLSearchParams(
		Object.entries(asked).map(([k, v]) => [k, String(v)] as [string, string])
	);
	const fetchChanges = async () => {
		if (asked.filter) return essentialChanges(asked);
		const res = await couch().fetch(`${DB.content}/_changes?${params}`);
		if (!res.ok) return syncError('almacen_no_disponible');
		const body = (await res.json()) as ChangesBody;
		body.results = body.results.filter((r) => !r.id.startsWith('_design/'));
		return body;
	};
	if (feed !== 'longpoll') {
		return cachedJson(
			request,
			`_changes?${params}`,
			await contentSeq(),
			async () => {
				const body = await fetchChanges();
				return body instanceof Response ? body : JSON.stringify(body);
			},
			noStore
		);
	}
	// A long poll is answered here, never held open on the store: the store is asked for the
	// ordinary feed, and while it has nothing new the request waits for the shared update
	// sequence to move, at most `timeout`, and stops as soon as the client goes away.
	const release = longPolls.take(client);
	if (!release) {
		return syncError('demasiados_intentos', { 'retry-after': String(LONGPOLL_RETRY_AFTER_S) });
	}
	try {
		const deadline = Date.now() + Math.min(timeout ?? DEFAULT_LONGPOLL_MS, MAX_LONGPOLL_MS);
		const arrived = await contentSeq();
		let body = await fetchChanges();
		while (
			!(body instanceof Response) &&
			body.results.length === 0 &&
			Date.now() < deadline &&
			!request.signal.aborted
		) {
			await pause(Math.min(LONGPOLL_CHECK_MS, deadline - Date.now()), request.signal);
			if (request.signal.aborted) break;
			if ((await contentSeq()) !== arrived) body = await fetchChanges();
		}
		return body instanceof Response
			? body
			: new Response(JSON.stringify(body), {
					headers: { 'content-type': 'application/json', ...noStore }
				});
	} finally {
		release();
	}
}

interface ChangesBody {
	results: Array<{ id: string; seq?: unknown }>;
	last_seq: unknown;
}

/**
 * The essentials' feed (`filter=contenido/esenciales`, see `$lib/content/essentials`), built
 * here so that CouchDB and the embedded store answer it alike and no filter function runs in
 * the store: the store's feed is read page by page and only essential ids are kept, up to
 * `limit`, as CouchDB answers a filtered feed. `last_seq` is the last row's sequence when the
 * limit cut the answer (the next pull goes on from there), else the end of the store's feed.
 */
async function essentialChanges(
	asked: Omit<z.infer<typeof changesQuery>, 'feed' | 'timeout' | 'heartbeat'>
): Promise<ChangesBody | Response> {
	const limit = asked.limit ?? Infinity;
	const results: ChangesBody['results'] = [];
	let since = asked.since ?? '0';
	for (;;) {
		const params = new URLSearchParams({ since, limit: String(FILTER_SCAN_PAGE) });
		if (asked.style) params.set('style', asked.style);
		const res = await couch().fetch(`${DB.content}/_changes?${params}`);
		if (!res.ok) return syncError('almacen_no_disponible');
		const page = (await res.json()) as ChangesBody;
		for (const row of page.results) {
			if (!isEssentialId(row.id)) continue;
			results.push(row);
			if (results.length >= limit) return { results, last_seq: row.seq };
		}
		if (page.results.length < FILTER_SCAN_PAGE) return { results, last_seq: page.last_seq };
		since = String(page.last_seq);
	}
}

/** Waits `ms`, or less if `signal` aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, Math.max(0, ms));
		signal.addEventListener('abort', done, { once: true });
	});
}

async function bulkGet(
	request: Request,
	params: URLSearchParams,
	latest: boolean
): Promise<Response> {
	if (!isJsonContentType(request.headers.get('content-type'))) {
		return syncError('tipo_contenido');
	}
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_BULK_GET_BYTES) return syncError('demasiado_grande');
	const text = await request.text();
	if (text.length > MAX_BULK_GET_BYTES) return syncError('demasiado_grande');
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return syncError('consulta_invalida');
	}
	const body = bulkGetBody.safeParse(parsed);
	if (!body.success) return syncError('consulta_invalida');
	const canonical = JSON.stringify(body.data);
	return cachedJson(
		request,
		`_bulk_get?${params}${latest ? '&latest=true' : ''}\n${canonical}`,
		await contentSeq(),
		async () => {
			const results = await currentRevisionsOnly(body.data.docs, params, latest);
			return results instanceof Response ? results : JSON.stringify({ results });
		},
		noStore,
		text
	);
}

/**
 * A document's `open_revs` answer (`[{ ok: doc } | { missing: rev }]`, as CouchDB gives it with
 * `Accept: application/json`), built from the current revision only. "all" is the current
 * revision alone: other leaves are conflicts nobody publishes.
 */
async function openRevisions(
	id: string,
	raw: string,
	revs: string | undefined,
	latest: boolean
): Promise<Response> {
	const open = parseOpenRevs(raw);
	if (!open) return syncError('consulta_invalida');
	const asks: BulkGetAsk[] =
		open === 'all' ? [{ id }] : [...new Set(open)].map((rev) => ({ id, rev }));
	const results = await currentRevisionsOnly(
		asks,
		new URLSearchParams(revs ? { revs } : {}),
		latest
	);
	if (results instanceof Response) return results;
	const answers = results.flatMap((r, i) =>
		r.docs.map((a) => (a.ok ? { ok: a.ok } : { missing: asks[i]?.rev ?? 'undefined' }))
	);
	return json(answers, { headers: noStore });
}

type BulkGetAsk = z.infer<typeof bulkGetBody>['docs'][number];

/**
 * `_bulk_get` answering only current revisions: a request for another revision of a document
 * gets CouchDB's "missing" for it (as for a revision compacted away), never its body. With
 * `latest` (a pull always asks it), a revision the store has replaced since is answered with the
 * current one, as CouchDB answers `latest` with the newest revision: a document edited while a
 * phone pulled (between the changes feed and this request) is stored in its newer state,
 * instead of failing the pull's whole batch ("There was a problem getting docs."). One extra
 * store round trip (`_all_docs` with the ids) learns the current revisions.
 */
type BulkGetAnswer = { ok?: { _rev?: string } } & Record<string, unknown>;
type BulkGetResult = { id: string; docs: BulkGetAnswer[] };

async function currentRevisionsOnly(
	docs: BulkGetAsk[],
	params: URLSearchParams,
	latest = false
): Promise<BulkGetResult[] | Response> {
	const pinned = docs.filter((d) => d.rev !== undefined);
	const current = new Map<string, string>();
	if (pinned.length) {
		const res = await couch().fetch(`${DB.content}/_all_docs`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ keys: [...new Set(pinned.map((d) => d.id))] })
		});
		if (!res.ok) return syncError('almacen_no_disponible');
		const rows = ((await res.json()) as { rows: Array<{ key: string; value?: { rev: string } }> })
			.rows;
		for (const row of rows) if (row.value?.rev) current.set(row.key, row.value.rev);
	}
	/** The revision answered for an ask: the one asked, the current one, or none (missing). */
	const answered = (d: BulkGetAsk): string | undefined | null => {
		if (d.rev === undefined || current.get(d.id) === d.rev) return d.rev;
		return latest ? (current.get(d.id) ?? null) : null;
	};
	const asked = docs.flatMap((d) => {
		const rev = answered(d);
		return rev === null ? [] : [rev === undefined ? { id: d.id } : { id: d.id, rev }];
	});
	let results: BulkGetResult[] = [];
	if (asked.length) {
		const res = await couch().fetch(`${DB.content}/_bulk_get?${params}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ docs: asked })
		});
		if (!res.ok) return syncError('almacen_no_disponible');
		results = (parseForDevices(await res.text()) as { results: typeof results }).results;
	}
	// One answer per document asked, in the order asked (the store may group repeated ids);
	// an old revision answered as missing (see above), as CouchDB answers one compacted away.
	const answersOf = (d: BulkGetAsk, rev: string | undefined) =>
		results
			.filter((r) => r.id === d.id)
			.flatMap((r) => r.docs)
			.filter((a) => !rev || !a.ok || a.ok._rev === rev)
			.slice(0, 1);
	return docs.map((d) => {
		const rev = answered(d);
		return {
			id: d.id,
			docs:
				rev === null
					? [{ error: { id: d.id, rev: d.rev, error: 'not_found', reason: 'missing' } }]
					: answersOf(d, rev)
		};
	});
}
