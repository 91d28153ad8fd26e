/**
 * Rows for issue #4: what an official's device pulls for an inbox of 500 requests.
 *
 * A fresh server gets 500 filed requests (anonymous peticiones, routed to the Secretaría de
 * Gobierno) and one internal note on every second one (750 documents in the official's scope).
 * Then a funcionario of that dependencia does exactly what the device workspace does
 * (src/lib/sync/staff-replica.ts): GET the server-computed list of ids and revisions, then
 * POST `_bulk_get` in batches of 500 for the ids the device lacks. We count HTTP requests, bytes
 * on the wire (Brotli, as a browser asks) and the raw JSON, first on an empty device and then
 * for a resync after 10 new events. Loopback, so time is the server's cost, not the network's.
 */
import http from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { startApp } from '../lib/app.js';
import { checked, info } from '../lib/report.js';
import { checkAborted } from '../lib/scenario.js';

const REQUESTS = 500;
const CONCURRENCY = 8;
const BATCH = 500;
const ADMIN = { username: 'admin.bench', password: 'clave-bench-admin-01' };
const OFFICIAL = { username: 'func.bench', password: 'clave-bench-func-001' };

const ROWS = /** @type {const} */ ([
	{ id: 'officials.pull.docs', what: 'official sync, inbox of 500 requests: documents pulled' },
	{ id: 'officials.pull.bytes', what: 'official sync, inbox of 500 requests: bytes on the wire' },
	{
		id: 'officials.pull.req_per_1k',
		what: 'official sync, inbox of 500 requests: requests per 1,000 docs',
		budget: '≤ 6'
	},
	{
		id: 'officials.pull.ratio',
		what: 'official sync, inbox of 500 requests: bytes down / raw JSON',
		budget: '≤ 0.25'
	},
	{ id: 'officials.resync', what: 'official resync after 10 new events: requests and bytes' }
]);

/**
 * @param {URL} url
 * @param {{ method?: string, body?: string, headers?: Record<string, string> }} [opts]
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, wire: number, text: string }>}
 */
function call(url, opts = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				method: opts.method ?? 'GET',
				headers: {
					'accept-encoding': 'br',
					...(opts.body ? { 'content-length': Buffer.byteLength(opts.body) } : {}),
					...opts.headers
				}
			},
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const raw = Buffer.concat(chunks);
					const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(raw) : raw;
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						wire: raw.length,
						text: body.toString('utf8')
					});
				});
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(opts.body);
	});
}

/**
 * Signs in through the form and returns the session cookie.
 * @param {string} base
 * @param {{ username: string, password: string }} who
 * @returns {Promise<string>}
 */
async function signIn(base, who) {
	const res = await call(new URL('/gestion/ingresar', base), {
		method: 'POST',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ usuario: who.username, clave: who.password }).toString()
	});
	const cookie = String(res.headers['set-cookie'] ?? '').match(/ventanilla_sesion=[^;]+/)?.[0];
	if (res.status !== 303 || !cookie) throw new Error(`sign-in of ${who.username}: ${res.status}`);
	return cookie;
}

/** @param {string} base @param {string} cookie */
async function createOfficial(base, cookie) {
	const res = await call(new URL('/gestion/usuarios', base), {
		method: 'POST',
		headers: {
			origin: base,
			cookie,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			username: OFFICIAL.username,
			name: 'Funcionario de Bench',
			roles: 'funcionario',
			dependencia: 'secretaria-de-gobierno',
			password: OFFICIAL.password
		}).toString()
	});
	if (!res.text.includes('"success"'))
		throw new Error(`create official: ${res.text.slice(0, 200)}`);
}

/** @param {string} base @param {number} n */
async function fileOne(base, n) {
	const res = await call(new URL('/api/solicitudes', base), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			id: crypto.randomUUID(),
			form: 'peticion-general',
			capturedAt: new Date().toISOString(),
			anonymous: true,
			values: {
				asunto: `Solicitud de prueba ${n}`,
				descripcion:
					'Texto representativo de una petición ciudadana: la vía que comunica la vereda con ' +
					'la cabecera municipal está en mal estado desde las lluvias de octubre.'
			},
			pin: String(100000 + n)
		})
	});
	if (res.status !== 201) throw new Error(`filing ${n}: ${res.status} ${res.text.slice(0, 200)}`);
	return /** @type {{ radicado: string }} */ (JSON.parse(res.text)).radicado;
}

/** @param {string} base @param {string} cookie @param {string} radicado */
async function note(base, cookie, radicado) {
	const res = await call(new URL('/api/gestion/eventos', base), {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({
			clientId: crypto.randomUUID(),
			radicado,
			at: new Date().toISOString(),
			event: { kind: 'nota', text: 'Revisar con la Secretaría de Obras antes de responder.' }
		})
	});
	if (res.status !== 201) throw new Error(`note on ${radicado}: ${res.status}`);
}

/**
 * The device's pull: list (only the changes after `since`, the `next` of the previous list),
 * then `_bulk_get` for what `held` lacks. Mutates `held`.
 * @param {string} base @param {string} cookie @param {Set<string>} held @param {string} [since]
 */
async function pull(base, cookie, held, since) {
	const started = performance.now();
	const url = new URL('/api/gestion/replica', base);
	if (since) url.searchParams.set('since', since);
	const index = await call(url, { headers: { cookie } });
	let requests = 1;
	let wire = index.wire;
	let raw = index.text.length;
	const list = /** @type {{ docs: Array<{ id: string }>, next: string }} */ (
		JSON.parse(index.text)
	);
	const listed = list.docs;
	const missing = listed.filter((d) => !held.has(d.id));
	let docs = 0;
	for (let i = 0; i < missing.length; i += BATCH) {
		const res = await call(new URL('/api/gestion/replica/_bulk_get', base), {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ docs: missing.slice(i, i + BATCH).map(({ id }) => ({ id })) })
		});
		requests++;
		wire += res.wire;
		raw += res.text.length;
		const results =
			/** @type {{ results: Array<{ id: string, docs: Array<{ ok?: unknown }> }> }} */ (
				JSON.parse(res.text)
			).results;
		for (const r of results) {
			if (r.docs[0]?.ok) {
				held.add(r.id);
				docs++;
			}
		}
	}
	return {
		requests,
		wire,
		raw,
		docs,
		listed: listed.length,
		next: list.next,
		ms: performance.now() - started
	};
}

/** @type {import('../lib/scenario.js').Scenario} */
export const officialSync = {
	name: 'official-sync',
	timeoutMs: 240_000,
	rows: ROWS,
	async run(ctx) {
		const app = await startApp({
			env: {
				ADMIN_USUARIO: ADMIN.username,
				ADMIN_CLAVE: ADMIN.password,
				LOGIN_ATTEMPTS_PER_MINUTE: '1000'
			}
		});
		ctx.defer(() => app.stop());
		const base = app.url;
		const adminCookie = await signIn(base, ADMIN);
		await createOfficial(base, adminCookie);
		const cookie = await signIn(base, OFFICIAL);
		ctx.log(`filing ${REQUESTS} requests…`);
		/** @type {string[]} */
		const radicados = [];
		let next = 0;
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (next < REQUESTS) {
					checkAborted(ctx.signal);
					const n = next++;
					radicados[n] = await fileOne(base, n);
				}
			})
		);
		for (let i = 0; i < REQUESTS; i += 2) await note(base, cookie, radicados[i] ?? '');
		checkAborted(ctx.signal);

		const held = new Set();
		const first = await pull(base, cookie, held);
		for (let i = 1; i <= 10; i++) await note(base, cookie, radicados[i * 7] ?? '');
		const again = await pull(base, cookie, held, first.next);
		const perK = (first.requests / first.docs) * 1000;
		const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(1)} KB`;
		return {
			rows: [
				info({
					...ROWS[0],
					measured: `${first.docs} (${REQUESTS} requests + ${first.docs - REQUESTS} events)`,
					value: first.docs,
					unit: 'docs'
				}),
				info({
					...ROWS[1],
					measured: `${kb(first.wire)} (raw JSON ${kb(first.raw)}), ${first.requests} HTTP requests, ${Math.round(first.ms)} ms`,
					value: first.wire,
					unit: 'B'
				}),
				checked({
					...ROWS[2],
					budget: '≤ 6',
					limit: 6,
					measured: perK.toFixed(1),
					value: perK,
					unit: 'req/1k'
				}),
				checked({
					...ROWS[3],
					budget: '≤ 0.25',
					limit: 0.25,
					measured: (first.wire / first.raw).toFixed(3),
					value: first.wire / first.raw,
					unit: 'ratio'
				}),
				info({
					...ROWS[4],
					measured: `${again.requests} requests, ${kb(again.wire)} (list of ${again.listed} changed ids + ${again.docs} new docs), ${Math.round(again.ms)} ms`,
					value: again.wire,
					unit: 'B'
				})
			],
			details: { first, again }
		};
	}
};
