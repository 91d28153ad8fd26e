/**
 * A small client for the CouchDB HTTP API, used by every server module that touches the store.
 * It speaks to Apache CouchDB and to the embedded express-pouchdb alike. Documents read are
 * parsed with the Zod schema the caller names (from `$lib/schemas`), never trusted by cast: a
 * document written by an older version, by hand or by an attacker with store access is found
 * here, not deep in a page.
 */
import type { z } from 'zod';

export class CouchError extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		readonly reason: string
	) {
		super(`CouchDB ${status} ${error}: ${reason}`);
		this.name = 'CouchError';
	}
}

/** A stored document that does not match its schema. */
export class InvalidStoredDocument extends Error {
	constructor(
		readonly db: string,
		readonly id: string,
		readonly issues: string[]
	) {
		super(`Documento inválido en ${db}: ${id} (${issues.join('; ')})`);
		this.name = 'InvalidStoredDocument';
	}
}

const issuesOf = (e: z.ZodError) =>
	e.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(raíz)'}: ${i.code}`);

export interface AllDocsRow<T> {
	id: string;
	key: string;
	value: { rev: string; deleted?: boolean };
	doc?: T;
}

/** What `bulkCreate` answers: one result per document, in order. */
export interface BulkCreated {
	quorum: boolean;
	results: Array<
		{ ok: true; id: string; rev: string } | { ok: false; id: string; error: string; reason: string }
	>;
}

export class CouchClient {
	readonly base: string;
	readonly #auth: string | undefined;

	constructor(url: string) {
		// fetch() refuses URLs with credentials, so they travel as a header instead.
		const u = new URL(url);
		this.#auth =
			u.username || u.password
				? 'Basic ' +
					Buffer.from(
						`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`
					).toString('base64')
				: undefined;
		u.username = '';
		u.password = '';
		this.base = u.toString().replace(/\/$/, '');
	}

	/** Raw request to `<base>/<path>`; the caller handles the response. */
	fetch(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.#auth) headers.set('authorization', this.#auth);
		if (!headers.has('accept')) headers.set('accept', 'application/json');
		const url = `${this.base}/${path.replace(/^\//, '')}`;
		const method = (init.method ?? 'GET').toUpperCase();
		// A reused keep-alive socket can be found closed (EPIPE, ECONNRESET) when the machine is
		// starved; a read is safe to send again once, a write is not.
		if (method !== 'GET' && method !== 'HEAD') return fetch(url, { ...init, headers });
		return fetch(url, { ...init, headers }).catch(() => fetch(url, { ...init, headers }));
	}

	async json<T>(path: string, init: RequestInit = {}): Promise<T> {
		const headers = new Headers(init.headers);
		if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
		const res = await this.fetch(path, { ...init, headers });
		const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
		if (!res.ok) {
			throw new CouchError(res.status, String(body.error ?? 'error'), String(body.reason ?? ''));
		}
		return body as T;
	}

	/** Creates the database unless it exists. */
	async ensureDb(db: string): Promise<void> {
		const res = await this.fetch(encodeURIComponent(db), { method: 'PUT' });
		if (!res.ok && res.status !== 412) {
			const body = (await res.json().catch(() => ({}))) as Record<string, string>;
			throw new CouchError(res.status, body.error ?? 'error', body.reason ?? '');
		}
	}

	/**
	 * The document `id` parsed with `schema`, or null when it does not exist.
	 * @throws {InvalidStoredDocument} when it exists but does not match the schema
	 */
	async get<S extends z.ZodType>(db: string, id: string, schema: S): Promise<z.output<S> | null> {
		let raw: unknown;
		try {
			raw = await this.json<unknown>(`${encodeURIComponent(db)}/${encodeDocId(id)}`);
		} catch (e) {
			if (e instanceof CouchError && e.status === 404) return null;
			throw e;
		}
		const parsed = schema.safeParse(raw);
		if (!parsed.success) throw new InvalidStoredDocument(db, id, issuesOf(parsed.error));
		return parsed.data;
	}

	/** Whether a document `id` exists (any content). */
	async exists(db: string, id: string): Promise<boolean> {
		const res = await this.fetch(`${encodeURIComponent(db)}/${encodeDocId(id)}`);
		await res.body?.cancel().catch(() => {});
		if (res.ok) return true;
		if (res.status === 404) return false;
		throw new CouchError(res.status, 'error', `lectura de ${id}`);
	}

	/**
	 * Like `get`, but a document that does not match the schema counts as absent (and is logged):
	 * for reads where a bad document must refuse access, not break the page (sessions, kiosks).
	 */
	async getIfValid<S extends z.ZodType>(
		db: string,
		id: string,
		schema: S
	): Promise<z.output<S> | null> {
		return this.get(db, id, schema).catch((e: unknown) => {
			if (!(e instanceof InvalidStoredDocument)) throw e;
			console.error(e.message);
			return null;
		});
	}

	async put<T extends { _id: string }>(db: string, doc: T): Promise<{ id: string; rev: string }> {
		return this.json(`${encodeURIComponent(db)}/${encodeDocId(doc._id)}`, {
			method: 'PUT',
			body: JSON.stringify(doc)
		});
	}

	/**
	 * Creates each of `docs` (none has a `_rev`) in one request. Each result says whether its
	 * document was created or why not (`conflict` when the id exists); results are in the order
	 * of `docs`. `quorum` is false when a CouchDB cluster answered 202: some creates reached
	 * fewer nodes than the write quorum, so any of them may conflict with another node's create.
	 * The ids of `docs` must be distinct.
	 */
	async bulkCreate<T extends { _id: string }>(
		db: string,
		docs: readonly T[]
	): Promise<BulkCreated> {
		const res = await this.fetch(`${encodeURIComponent(db)}/_bulk_docs`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ docs })
		});
		const body = (await res.json().catch(() => null)) as unknown;
		// 417: CouchDB's answer when a validation function refused some of them; per-doc results.
		if ((!res.ok && res.status !== 417) || !Array.isArray(body) || body.length !== docs.length) {
			const err = (body ?? {}) as Record<string, unknown>;
			throw new CouchError(
				res.ok ? 502 : res.status,
				String(err.error ?? 'error'),
				String(err.reason ?? 'respuesta de _bulk_docs inesperada')
			);
		}
		// Matched by id: the embedded store (PouchDB) does not always answer in the order sent.
		const byId = new Map(
			(body as Array<Record<string, unknown>>).map((r) => [String(r.id), r] as const)
		);
		return {
			quorum: res.status !== 202,
			results: docs.map((doc) => {
				const r = byId.get(doc._id);
				if (r && r.error === undefined && typeof r.rev === 'string') {
					return { ok: true as const, id: doc._id, rev: r.rev };
				}
				return {
					ok: false as const,
					id: doc._id,
					error: String(r?.error ?? 'sin_respuesta'),
					reason: String(r?.reason ?? '')
				};
			})
		};
	}

	/**
	 * The winning revision of `id` parsed with `schema`, with the other revisions a cluster
	 * holds for it (`conflicts`: empty when there is one), or null when it does not exist.
	 */
	async getWithConflicts<S extends z.ZodType>(
		db: string,
		id: string,
		schema: S
	): Promise<{ doc: z.output<S>; conflicts: string[] } | null> {
		const raw = await this.json<Record<string, unknown>>(
			`${encodeURIComponent(db)}/${encodeDocId(id)}?conflicts=true`
		).catch((e: unknown) => {
			if (e instanceof CouchError && e.status === 404) return null;
			throw e;
		});
		if (!raw) return null;
		const conflicts = Array.isArray(raw._conflicts) ? raw._conflicts.map(String) : [];
		const parsed = schema.safeParse(raw);
		if (!parsed.success) throw new InvalidStoredDocument(db, id, issuesOf(parsed.error));
		return { doc: parsed.data, conflicts };
	}

	/** The ids of `ids` that name a stored, not deleted document (no document is read). */
	async existingIds(db: string, ids: readonly string[]): Promise<Set<string>> {
		if (!ids.length) return new Set();
		const res = await this.json<{ rows: Array<{ key: string; value?: { deleted?: boolean } }> }>(
			`${encodeURIComponent(db)}/_all_docs`,
			{ method: 'POST', body: JSON.stringify({ keys: ids }) }
		);
		return new Set(res.rows.filter((r) => r.value && !r.value.deleted).map((r) => r.key));
	}

	/** Keys of the rows of a view for several keys, one entry per row (no documents). */
	async viewKeys(
		db: string,
		ddoc: string,
		view: string,
		keys: readonly string[]
	): Promise<string[]> {
		if (!keys.length) return [];
		const res = await this.json<{ rows: Array<{ key: string }> }>(
			`${encodeURIComponent(db)}/_design/${encodeURIComponent(ddoc)}/_view/${encodeURIComponent(view)}`,
			{ method: 'POST', body: JSON.stringify({ keys }) }
		);
		return res.rows.map((r) => r.key);
	}

	/** Ids and values of the rows of a view for one key (no documents). */
	async viewRows(
		db: string,
		ddoc: string,
		view: string,
		key: string
	): Promise<Array<{ id: string; value: unknown }>> {
		const q = new URLSearchParams({ key: JSON.stringify(key) });
		const res = await this.json<{ rows: Array<{ id: string; value: unknown }> }>(
			`${encodeURIComponent(db)}/_design/${encodeURIComponent(ddoc)}/_view/${encodeURIComponent(view)}?${q}`
		);
		return res.rows.map((r) => ({ id: r.id, value: r.value }));
	}

	async bulkDocs(
		db: string,
		docs: object[]
	): Promise<Array<{ id: string; rev?: string; error?: string; reason?: string }>> {
		return this.json(`${encodeURIComponent(db)}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({ docs })
		});
	}

	/**
	 * Documents whose ids fall in [startkey, endkey], parsed with `schema`. One that does not
	 * match is left out and logged: a list keeps working around one bad document.
	 */
	async range<S extends z.ZodType>(
		db: string,
		startkey: string,
		endkey: string,
		schema: S
	): Promise<Array<z.output<S>>> {
		const rows = await this.allDocs(db, { startkey, endkey }, schema);
		return rows.flatMap((r) => (r.doc === undefined ? [] : [r.doc]));
	}

	/**
	 * The documents of a view's rows whose key is at most `endkey` (a string key), parsed by
	 * `schema`; a document that does not match is left out (logged).
	 */
	async viewDocsUpTo<S extends z.ZodType>(
		db: string,
		ddoc: string,
		view: string,
		endkey: string,
		schema: S
	): Promise<Array<z.output<S>>> {
		const q = new URLSearchParams({ include_docs: 'true', endkey: JSON.stringify(endkey) });
		const res = await this.json<{ rows: Array<{ id: string; doc?: unknown }> }>(
			`${encodeURIComponent(db)}/_design/${encodeURIComponent(ddoc)}/_view/${encodeURIComponent(view)}?${q}`
		);
		return res.rows.flatMap((row) => {
			const parsed = schema.safeParse(row.doc);
			if (parsed.success) return [parsed.data];
			console.error(new InvalidStoredDocument(db, row.id, issuesOf(parsed.error)).message);
			return [];
		});
	}

	/**
	 * Rows of `_all_docs` for a key range (`startkey`, `endkey`, `limit`, `descending`) or for
	 * `keys`, with each document parsed by `schema`; `doc` is absent when the id has no
	 * document or its document does not match (logged).
	 */
	async allDocs<S extends z.ZodType>(
		db: string,
		query: {
			startkey?: string;
			endkey?: string;
			limit?: number;
			descending?: boolean;
			keys?: readonly string[];
		},
		schema: S
	): Promise<Array<{ id: string; doc?: z.output<S> }>> {
		const q = new URLSearchParams({ include_docs: 'true' });
		if (query.startkey !== undefined) q.set('startkey', JSON.stringify(query.startkey));
		if (query.endkey !== undefined) q.set('endkey', JSON.stringify(query.endkey));
		if (query.limit !== undefined) q.set('limit', String(query.limit));
		if (query.descending) q.set('descending', 'true');
		const path = `${encodeURIComponent(db)}/_all_docs?${q}`;
		const res = await this.json<{ rows: Array<{ id?: string; key: string; doc?: unknown }> }>(
			path,
			query.keys ? { method: 'POST', body: JSON.stringify({ keys: query.keys }) } : {}
		);
		return res.rows.map((row) => {
			const id = row.id ?? row.key;
			if (row.doc === undefined || row.doc === null) return { id };
			const parsed = schema.safeParse(row.doc);
			if (parsed.success) return { id, doc: parsed.data };
			console.error(new InvalidStoredDocument(db, id, issuesOf(parsed.error)).message);
			return { id };
		});
	}

	/**
	 * Ids of the documents changed after `since` (an `update_seq`), at most `limit` of them; the
	 * answer says whether there were more.
	 */
	async changedIds(
		db: string,
		since: string,
		limit: number
	): Promise<{ ids: string[]; more: boolean }> {
		const q = new URLSearchParams({ since, limit: String(limit + 1) });
		const res = await this.json<{ results: Array<{ id: string }> }>(
			`${encodeURIComponent(db)}/_changes?${q}`
		);
		return { ids: res.results.slice(0, limit).map((r) => r.id), more: res.results.length > limit };
	}

	async info(db: string): Promise<{ doc_count: number; update_seq: string | number }> {
		return this.json(encodeURIComponent(db));
	}
}

/** Encodes a doc id for a URL path, keeping the `_design/` and `_local/` prefixes literal. */
export function encodeDocId(id: string): string {
	const m = /^(_design|_local)\/(.*)$/.exec(id);
	return m ? `${m[1]}/${encodeURIComponent(m[2] ?? '')}` : encodeURIComponent(id);
}
