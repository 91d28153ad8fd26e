/**
 * A small typed client for the CouchDB HTTP API, used by every server module that touches the
 * store. It speaks to Apache CouchDB and to the embedded express-pouchdb alike.
 */
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

export interface AllDocsRow<T> {
	id: string;
	key: string;
	value: { rev: string; deleted?: boolean };
	doc?: T;
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

	async get<T>(db: string, id: string): Promise<T | null> {
		try {
			return await this.json<T>(`${encodeURIComponent(db)}/${encodeDocId(id)}`);
		} catch (e) {
			if (e instanceof CouchError && e.status === 404) return null;
			throw e;
		}
	}

	async put<T extends { _id: string }>(db: string, doc: T): Promise<{ id: string; rev: string }> {
		return this.json(`${encodeURIComponent(db)}/${encodeDocId(doc._id)}`, {
			method: 'PUT',
			body: JSON.stringify(doc)
		});
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

	/** Documents whose ids fall in [startkey, endkey], with bodies. */
	async range<T>(db: string, startkey: string, endkey: string): Promise<T[]> {
		const q = new URLSearchParams({
			startkey: JSON.stringify(startkey),
			endkey: JSON.stringify(endkey),
			include_docs: 'true'
		});
		const res = await this.json<{ rows: AllDocsRow<T>[] }>(
			`${encodeURIComponent(db)}/_all_docs?${q}`
		);
		return res.rows.flatMap((r) => (r.doc ? [r.doc] : []));
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
