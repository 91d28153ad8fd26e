/**
 * Row 8: many devices syncing and submitting at once against the default start (`npm start`:
 * the app beside the embedded store's own process) on loopback, at two loads, 200 and 500
 * devices, each against a fresh server.
 *
 * Each simulated device does what a phone does on its first visit, in order, over its own
 * keep-alive connection, with `Accept-Encoding: br, gzip` like a browser: GET the home page
 * HTML, then a PouchDB pull of the seed content through the sync gate — GET
 * `/api/sync/contenido/` (following the redirect the server answers, as fetch does), GET
 * `_changes?style=all_docs&since=0&limit=1000`, POST `_bulk_get?revs=true&latest=true` with the
 * ids and revisions from `_changes`. One device in `SUBMIT_EVERY` (20 %) also has a request
 * waiting in its outbox, which the page sends as soon as it loads (before the pull starts):
 * between the home page and the pull it POSTs `/api/solicitudes` with an anonymous petition and
 * one photo of `PHOTO_BYTES` (a compressed phone photo; the app targets ≤ 350 KB), and expects
 * 201 with a radicado. Each submission has `SUBMIT_TIMEOUT_MS`. All devices start together.
 * The outbox bodies are written before the clock starts, as a phone's outbox holds them already:
 * serialising 100 of them (~200 KB each) inside the measured window kept the load generator's
 * one thread busy for ~0.2 s in which no device's answer could be read (its event loop stalled
 * up to 0.7 s in a 500-device run, and the stall was counted as the server's latency).
 * Latency is from sending the request to the last byte of the response; an error is a status
 * ≥ 400 (or not 201 for a submission), a network error or a request over its time limit (60 s,
 * submissions 30 s). p50/p95/p99 are over every request of every kind. The server's resident
 * memory is VmRSS summed over `node server/index.js` and every process under it (the store's
 * process, and app workers when WORKERS > 1), sampled every 100 ms.
 *
 * The load generator runs on the same 2 cores as the server: the server gets less CPU than on
 * a machine of its own, so the figures are pessimistic.
 */
import http from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startApp } from '../lib/app.js';
import { checked, info } from '../lib/report.js';
import { checkAborted } from '../lib/scenario.js';
import { quantile } from '../lib/stats.js';

const REQUEST_TIMEOUT_MS = 60_000;
/** One device in this many (20 %) submits a request with a photo. */
const SUBMIT_EVERY = 5;
const SUBMIT_TIMEOUT_MS = 30_000;
/** Size of the photo attached to each submission: a document photo compressed on the phone. */
const PHOTO_BYTES = 150 * 1024;

/**
 * The loads measured, each on a fresh server, with the budget of its p95 (PRODUCT.md for 200
 * devices, issue #11 for 500).
 */
const LOADS = /** @type {const} */ ([
	{ devices: 200, p95LimitMs: 500 },
	{ devices: 500, p95LimitMs: 1000 }
]);

/** @typedef {(typeof LOADS)[number]} Load */

/** @param {Load} load */
const rowsOf = ({ devices, p95LimitMs }) =>
	/** @type {const} */ ([
		{
			id: `server.sync${devices}.p95`,
			what: `server: ${devices} devices syncing at once (loopback), ${devices / SUBMIT_EVERY} of them submitting, p95 latency per request`,
			budget: `≤ ${p95LimitMs.toLocaleString('en')} ms`
		},
		{
			id: `server.sync${devices}.errors`,
			what: `server: ${devices} devices syncing at once, errors`,
			budget: '0'
		},
		{
			id: `server.sync${devices}.rss`,
			what: `server: ${devices} devices syncing at once, RSS of all server processes`
		}
	]);

/**
 * @typedef {object} Sample
 * @property {string} kind
 * @property {number} ms
 * @property {number} status
 * @property {number} bytes
 * @property {string} [error]
 */

/**
 * A JPEG-looking photo (JPEG markers around noise, which is what compressed photo data looks
 * like to a compressor): the server sniffs the first bytes, so it must start like a JPEG.
 * @param {number} size
 */
function fakeJpeg(size) {
	const bytes = Buffer.alloc(size);
	let seed = 12345;
	for (let i = 0; i < size; i++) {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		bytes[i] = seed >> 16;
	}
	bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
	bytes.set([0xff, 0xd9], size - 2);
	return bytes;
}

const PHOTO = fakeJpeg(PHOTO_BYTES).toString('base64');

/**
 * An outbox item as the app sends it: anonymous petition, one photo, a fresh id. Encoded once, as
 * the bytes sent: a string body is encoded again on every write (see `request`).
 */
function submissionBody() {
	return Buffer.from(
		JSON.stringify({
			id: randomUUID(),
			form: 'peticion-general',
			capturedAt: new Date().toISOString(),
			anonymous: true,
			values: {
				asunto: 'Arreglo del puente peatonal',
				descripcion: 'El puente peatonal de la vereda está roto desde la creciente del río.'
			},
			attachments: [
				{ id: randomUUID(), name: 'puente.jpg', type: 'image/jpeg', size: PHOTO_BYTES, data: PHOTO }
			],
			pin: '123456'
		})
	);
}

/**
 * One HTTP request; resolves with status, size and timing, and the raw (still compressed) body
 * when `keepBody` asks for it. A device reads one body only (`_changes`, to know what to ask
 * `_bulk_get`): joining the chunks of all the others, megabytes a second on the load generator's
 * one thread, delayed the reading of every device's answers (counted as the server's latency).
 * @param {http.Agent} agent
 * @param {URL} url
 * @param {{ method?: string, body?: Buffer, timeout?: number, keepBody?: boolean }} [opts]
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer | null, bytes: number, ms: number }>}
 */
function request(agent, url, opts = {}) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const req = http.request(
			url,
			{
				agent,
				method: opts.method ?? 'GET',
				timeout: opts.timeout ?? REQUEST_TIMEOUT_MS,
				headers: {
					'accept-encoding': 'br, gzip',
					accept: 'application/json, text/html',
					...(opts.body
						? { 'content-type': 'application/json', 'content-length': opts.body.length }
						: {})
				}
			},
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				let bytes = 0;
				res.on('data', (/** @type {Buffer} */ c) => {
					bytes += c.length;
					if (opts.keepBody) chunks.push(c);
				});
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: opts.keepBody ? Buffer.concat(chunks) : null,
						bytes,
						ms: performance.now() - started
					})
				);
				res.on('error', reject);
			}
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(opts.body);
	});
}

/**
 * @param {Buffer} body
 * @param {string | undefined} encoding
 */
function decode(body, encoding) {
	if (encoding === 'br') return brotliDecompressSync(body);
	if (encoding === 'gzip') return gunzipSync(body);
	return body;
}

/** `_bulk_get` bodies by the `_changes` answer they were made from (see `bulkGetBody`). */
const bulkGetBodies = new Map();

/**
 * What a device asks `_bulk_get` for after this `_changes` answer: every id and revision in it.
 * Every device gets the same answer between two publications, so it is decoded once: each phone
 * decodes its own on its own CPU, but here 500 devices share the load generator's one thread,
 * and 500 Brotli and JSON decodes in the middle of the run delayed the reading of every other
 * device's answers (counted as the server's latency).
 * @param {Buffer} body
 * @param {string | undefined} encoding
 */
function bulkGetBody(body, encoding) {
	const key = `${encoding}:${createHash('sha256').update(body).digest('base64')}`;
	let made = bulkGetBodies.get(key);
	if (made === undefined) {
		const parsed =
			/** @type {{ results: Array<{ id: string, changes: Array<{ rev: string }> }> }} */ (
				JSON.parse(decode(body, encoding).toString())
			);
		const docs = parsed.results.flatMap((r) => r.changes.map((c) => ({ id: r.id, rev: c.rev })));
		made = Buffer.from(JSON.stringify({ docs }));
		if (bulkGetBodies.size > 100) bulkGetBodies.clear();
		bulkGetBodies.set(key, made);
	}
	return made;
}

/**
 * One device's visit, outbox (if `submits`) and pull.
 * @param {string} base
 * @param {Sample[]} samples
 * @param {Buffer} [outbox]  the request waiting in the device's outbox, if any (JSON body)
 */
async function device(base, samples, outbox) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	/**
	 * @param {string} kind
	 * @param {string} path
	 * @param {{ method?: string, body?: Buffer, timeout?: number, expect?: number, keepBody?: boolean }} [opts]
	 */
	const timed = async (kind, path, opts) => {
		try {
			const res = await request(agent, new URL(path, base), opts);
			const ok = opts?.expect ? res.status === opts.expect : res.status >= 200 && res.status < 400;
			samples.push({
				kind,
				ms: res.ms,
				status: res.status,
				bytes: res.bytes,
				...(ok ? {} : { error: `HTTP ${res.status}` })
			});
			return ok ? res : null;
		} catch (e) {
			samples.push({ kind, ms: NaN, status: 0, bytes: 0, error: String(e) });
			return null;
		}
	};
	try {
		await timed('home HTML', '/');
		if (outbox) {
			await timed('submission', '/api/solicitudes', {
				method: 'POST',
				body: outbox,
				timeout: SUBMIT_TIMEOUT_MS,
				expect: 201
			});
		}
		const infoRes = await timed('db info', '/api/sync/contenido/');
		if (infoRes && infoRes.status >= 300 && infoRes.headers.location) {
			await timed('db info (redirected)', infoRes.headers.location);
		}
		const changes = await timed(
			'_changes',
			'/api/sync/contenido/_changes?style=all_docs&since=0&limit=1000',
			{ keepBody: true }
		);
		if (!changes?.body) return;
		await timed('_bulk_get', '/api/sync/contenido/_bulk_get?revs=true&latest=true', {
			method: 'POST',
			body: bulkGetBody(
				changes.body,
				/** @type {string | undefined} */ (changes.headers['content-encoding'])
			)
		});
	} finally {
		agent.destroy();
	}
}

/** @param {number} pid */
function rssKb(pid) {
	try {
		const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : 0;
	} catch {
		// ended meanwhile
		return 0;
	}
}

/**
 * `pid` and every process under it: the cluster's workers are children of the primary.
 * @param {number} pid
 */
function processTree(pid) {
	/** @type {Map<number, number[]>} */
	const children = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// The command name may hold spaces and parentheses: the parent pid follows the last ')'.
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			// ended meanwhile
		}
	}
	const tree = [pid];
	for (let i = 0; i < tree.length; i++) {
		tree.push(...(children.get(/** @type {number} */ (tree[i])) ?? []));
	}
	return tree;
}

/** @param {number[]} pids */
const totalRssKb = (pids) => pids.reduce((sum, pid) => sum + rssKb(pid), 0);

/**
 * One load against a fresh server, stopped at the end.
 * @param {import('../lib/scenario.js').BenchContext} ctx
 * @param {Load} load
 */
async function runLoad(ctx, load) {
	const { devices, p95LimitMs } = load;
	const [p95Row, errorsRow, rssRow] = rowsOf(load);
	const server = await startApp();
	ctx.defer(() => server.stop());
	const pid = /** @type {number} */ (server.process.pid);
	// One device first, so the figures are a warm server's, not its first-request work; then
	// one more alone, for the latency of an unloaded server (details only).
	await device(server.url, [], submissionBody());
	/** @type {Sample[]} */
	const alone = [];
	await device(server.url, alone, submissionBody());
	checkAborted(ctx.signal);
	// Reading all of /proc costs CPU the server needs: the tree is listed again once a second.
	let pids = processTree(pid);
	const processes = pids.length;
	const before = totalRssKb(pids);
	let peak = before;
	let ticks = 0;
	const sampler = setInterval(() => {
		if (++ticks % 10 === 0) pids = processTree(pid);
		peak = Math.max(peak, totalRssKb(pids));
	}, 100);
	const outboxes = Array.from({ length: devices }, (_, i) =>
		i % SUBMIT_EVERY === 0 ? submissionBody() : undefined
	);
	/** @type {Sample[]} */
	const samples = [];
	const started = performance.now();
	ctx.log(`server-load: ${devices} devices, ${processes} server processes`);
	try {
		await Promise.all(outboxes.map((outbox) => device(server.url, samples, outbox)));
	} finally {
		clearInterval(sampler);
	}
	const wallMs = performance.now() - started;
	const after = totalRssKb(processTree(pid));
	if (!server.alive()) throw new Error(`the server stopped under load:\n${server.output()}`);
	await server.stop();

	const ok = samples.filter((s) => !s.error).map((s) => s.ms);
	const errors = samples.filter((s) => s.error);
	const p50 = quantile(ok, 0.5);
	const p95 = quantile(ok, 0.95);
	const p99 = quantile(ok, 0.99);
	/** @type {Record<string, { n: number, p50: number, p95: number, p99: number, bytes: number }>} */
	const byKind = {};
	for (const kind of new Set(samples.map((s) => s.kind))) {
		const of = samples.filter((s) => s.kind === kind && !s.error);
		const ms = of.map((s) => s.ms);
		byKind[kind] = {
			n: of.length,
			p50: Math.round(quantile(ms, 0.5)),
			p95: Math.round(quantile(ms, 0.95)),
			p99: Math.round(quantile(ms, 0.99)),
			bytes: of.length ? Math.round(of.reduce((n, s) => n + s.bytes, 0) / of.length) : 0
		};
	}
	const slowest = Object.entries(byKind).sort((a, b) => b[1].p95 - a[1].p95)[0];
	const mb = (/** @type {number} */ kb) => Math.round(kb / 1024);
	return {
		rows: [
			checked({
				...p95Row,
				measured: `p50 ${Math.round(p50)} · p95 ${Math.round(p95)} · p99 ${Math.round(p99)} ms`,
				value: Number.isFinite(p95) ? Math.round(p95) : null,
				unit: 'ms',
				limit: p95LimitMs,
				note:
					`${samples.length} requests from ${devices} devices in ${(wallMs / 1000).toFixed(1)} s; ` +
					`p95 by kind: ${Object.entries(byKind)
						.map(([k, v]) => `${k} ${v.p95}`)
						.join(', ')} ms; ` +
					`slowest kind: ${slowest?.[0]} p95 ${slowest?.[1].p95} ms`
			}),
			checked({
				...errorsRow,
				measured: `${errors.length} of ${samples.length}`,
				value: errors.length,
				unit: 'requests',
				limit: 0,
				note: errors.length ? `first: ${errors[0]?.kind} ${errors[0]?.error}` : undefined
			}),
			info({
				...rssRow,
				measured: `${mb(before)} MB before → ${mb(peak)} MB peak (${mb(after)} MB after)`,
				value: mb(peak),
				unit: 'MB',
				note: `sum over ${processes} processes: the app, the embedded store's process and any app workers`
			})
		],
		details: {
			devices,
			processes,
			submissions: { devices: Math.ceil(devices / SUBMIT_EVERY), photoBytes: PHOTO_BYTES },
			wallMs,
			byKind,
			oneDeviceAlone: alone.map((s) => ({ kind: s.kind, ms: Math.round(s.ms), bytes: s.bytes })),
			rssKb: { before, peak, after }
		}
	};
}

/** @type {import('../lib/scenario.js').Scenario} */
export const serverLoad = {
	name: 'server-load',
	timeoutMs: 240_000,
	rows: LOADS.flatMap(rowsOf),
	async run(ctx) {
		/** @type {import('../lib/report.js').Row[]} */
		const rows = [];
		/** @type {Record<string, unknown>} */
		const details = {};
		for (const load of LOADS) {
			checkAborted(ctx.signal);
			const result = await runLoad(ctx, load);
			rows.push(...result.rows);
			details[`devices${load.devices}`] = result.details;
		}
		return { rows, details };
	}
};
