/**
 * An embedded store of the bench's own (a child process, see store-child.js) that the app is
 * then started against with `COUCHDB_URL`, and writing generated content into it over HTTP as
 * a client of the store.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * @typedef {object} BenchStore
 * @property {string} url  with credentials, for the app's COUCHDB_URL
 * @property {number} pid
 * @property {() => Promise<void>} stop
 */

/** @returns {Promise<BenchStore>} */
export async function startBenchStore() {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'ventanilla-bench-store-'));
	const child = spawn(
		process.execPath,
		[path.join(import.meta.dirname, 'store-child.js'), dataDir],
		{
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	const lines = createInterface({
		input: /** @type {import('node:stream').Readable} */ (child.stdout)
	});
	const url = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('bench store: no URL in 30 s')), 30_000);
		lines.once('line', (line) => {
			clearTimeout(timer);
			resolve(/** @type {{ url: string }} */ (JSON.parse(line)).url);
		});
		child.once('exit', (code) => reject(new Error(`bench store exited (${code})`)));
	});
	return {
		url,
		pid: /** @type {number} */ (child.pid),
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/**
 * Node's fetch refuses URLs with credentials: split them into a Basic Authorization header.
 * @param {string} storeUrl
 * @returns {{ base: string, authorization: string }}
 */
export function splitCredentials(storeUrl) {
	const u = new URL(storeUrl);
	const authorization =
		'Basic ' +
		Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString(
			'base64'
		);
	u.username = '';
	u.password = '';
	return { base: u.toString().replace(/\/$/, ''), authorization };
}

/**
 * Writes `docs` into the store's `contenido` database in batches; throws on any rejected
 * document (the app's validate_doc_update is installed by then, so this also checks that the
 * generated documents are valid).
 * @param {string} storeUrl
 * @param {ReadonlyArray<Record<string, unknown>>} docs
 * @param {number} [batch]
 * @returns {Promise<void>}
 */
export async function writeDocs(storeUrl, docs, batch = 500) {
	const { base, authorization } = splitCredentials(storeUrl);
	for (let i = 0; i < docs.length; i += batch) {
		const res = await fetch(`${base}/contenido/_bulk_docs`, {
			method: 'POST',
			headers: { authorization, 'content-type': 'application/json' },
			body: JSON.stringify({ docs: docs.slice(i, i + batch) })
		});
		if (!res.ok) throw new Error(`_bulk_docs: HTTP ${res.status} ${await res.text()}`);
		const results = /** @type {Array<{ id: string, error?: string, reason?: string }>} */ (
			await res.json()
		);
		const failed = results.filter((r) => r.error);
		if (failed.length) {
			throw new Error(
				`_bulk_docs rejected ${failed.length} docs, e.g. ${failed[0]?.id}: ${failed[0]?.reason}`
			);
		}
	}
}

/**
 * The public content as the store holds it, as JSON: every document of `contenido` except
 * design documents, with `_id` and `_rev`, without attachments (PDFs never go to devices),
 * serialised and summed (UTF-8 bytes). What a pull would carry uncompressed with nothing left
 * out: the denominator of the pack's byte ratio.
 * @param {string} storeUrl
 * @returns {Promise<{ docs: number, bytes: number }>}
 */
export async function storedJsonBytes(storeUrl) {
	const { base, authorization } = splitCredentials(storeUrl);
	const res = await fetch(`${base}/contenido/_all_docs?include_docs=true`, {
		headers: { authorization }
	});
	if (!res.ok) throw new Error(`_all_docs: HTTP ${res.status}`);
	const { rows } = /** @type {{ rows: Array<{ id: string, doc: Record<string, unknown> }> }} */ (
		await res.json()
	);
	let docs = 0;
	let bytes = 0;
	for (const { id, doc } of rows) {
		if (id.startsWith('_design/')) continue;
		const { _attachments: _files, ...stored } = doc;
		docs += 1;
		bytes += Buffer.byteLength(JSON.stringify(stored));
	}
	return { docs, bytes };
}
