/**
 * Rows 5 and 6: the initial offline pack — pulling all public content into a new device — for
 * the seed content, seed + 2,000 and seed + 10,000 generated documents, with the app's
 * replication settings and with PouchDB's defaults.
 *
 * How: the bench runs its own embedded store (a child process), starts the app against it with
 * COUCHDB_URL (the app seeds it and installs its validation), then writes generated documents
 * (bench/search-entry.js `storedDocs`: schema-valid, ~1.5–3 KB of body + html each) into the
 * store over HTTP, as a portal grows (see `SIZES`). A Node PouchDB (memory adapter) pulls
 * through a counting proxy on loopback that records every HTTP request and its bytes on the wire
 * in both directions (see lib/counting-proxy.js): with the app's settings, as a device's first
 * pull (the offline pack's segments with the app's own `applyPack`, then a replication from the
 * pack's sequence; `Accept-Encoding: br, gzip`); with PouchDB's defaults, a replication of
 * `/api/sync/contenido` with `identity`.
 *
 * Time on "3G": for the seed, the pull is run again through the proxy simulating the link in
 * real time (400 ms RTT per request, 400 kbps each way, one shared link) — that is the budget
 * row. For every size, including the seed, a modelled figure is also given:
 *   requests × RTT + bytes up / 400 kbps + bytes down / 400 kbps + the pull's loopback wall time
 * (server and client processing, which the link model does not include). The model treats
 * requests as sequential (PouchDB overlaps up to `batches_limit` batches), so it is pessimistic
 * for many batches. Running 2,000 and 10,000 documents in real time would take many minutes, so
 * those figures are modelled only, and labelled so.
 *
 * Raw JSON size: the documents as the store holds them (with _id and _rev, without attachments),
 * JSON.stringify'd, UTF-8 bytes, summed (bench/lib/store-data.js `storedJsonBytes`): what the
 * pull would carry uncompressed if the gate left nothing out. The gate leaves out each
 * document's Markdown source (devices get the HTML rendered from it), so the device's copy is
 * smaller than that.
 */
import { startApp } from '../lib/app.js';
import { startCountingProxy } from '../lib/counting-proxy.js';
import { APP_SETTINGS, DEFAULT_SETTINGS, pullAll, pullWithPack } from '../lib/node-pouch.js';
import { THREE_G, bytesPerSecond } from '../lib/profiles.js';
import { checked, info } from '../lib/report.js';
import { checkAborted } from '../lib/scenario.js';
import { duration, kb } from '../lib/stats.js';
import { startBenchStore, storedJsonBytes, writeDocs } from '../lib/store-data.js';

/**
 * The portal as it grows: the seed, then 2,000 more documents of which 200 are essentials (a
 * full catalogue: trámites and their forms, offices, pages, the transparency menu — a
 * municipality's SUIT inventory has about a hundred trámites, Res. 1519's menu about a hundred
 * items), then 8,000 more of news, normas and Concejo sessions: the catalogue does not grow with
 * the archive. `first` numbers each block's documents apart (over-cap draws are skipped).
 */
const SIZES = [
	{ key: 'seed', label: 'seed', add: 0, essentials: 0, first: 0 },
	{ key: '2k', label: 'seed + 2,000', add: 2000, essentials: 200, first: 0 },
	{ key: '10k', label: 'seed + 10,000', add: 8000, essentials: 0, first: 1_000_000 }
];

/** Only these sizes are checked against "requests per 1,000 docs": see README. */
const PER_THOUSAND_CHECKED = new Set(['2k', '10k']);

/** #16's budgets for the whole pack and for its essentials, on 3G (modelled). */
const TIME_BUDGETS = /** @type {Record<string, { all: number, essentials: number }>} */ ({
	'2k': { all: 20_000, essentials: 5_000 },
	'10k': { all: 90_000, essentials: 5_000 }
});
const RATIO_BUDGET = 0.12;
/** PRODUCT.md's budget of bytes downloaded / raw JSON for the seed: it carries a pull's fixed costs. */
const SEED_RATIO_BUDGET = 0.25;

const ROWS = /** @type {const} */ ([
	{ id: 'pack.seed.time3g', what: 'offline pack, seed, on 3G: time (simulated)', budget: '≤ 15 s' },
	{
		id: 'pack.seed.essentials3g',
		what: 'offline pack, seed, on 3G: essentials offline after (simulated)'
	},
	{ id: 'pack.2k.time3g', what: 'offline pack, seed + 2,000 docs, on 3G: time (modelled)' },
	{
		id: 'pack.2k.essentials3g',
		what: 'offline pack, seed + 2,000 docs, on 3G: essentials offline after (modelled)'
	},
	{ id: 'pack.10k.time3g', what: 'offline pack, seed + 10,000 docs, on 3G: time (modelled)' },
	{
		id: 'pack.10k.essentials3g',
		what: 'offline pack, seed + 10,000 docs, on 3G: essentials offline after (modelled)'
	},
	...SIZES.map((s) => ({
		id: `pack.${s.key}.requests`,
		what: `offline pack, ${s.label}: requests per 1,000 docs`,
		budget: PER_THOUSAND_CHECKED.has(s.key) ? '≤ 6' : ''
	})),
	...SIZES.map((s) => ({
		id: `pack.${s.key}.ratio`,
		what: `offline pack, ${s.label}: bytes downloaded / raw JSON`,
		budget: `≤ ${s.key === 'seed' ? SEED_RATIO_BUDGET : RATIO_BUDGET}`
	})),
	...SIZES.map((s) => ({
		id: `pack.${s.key}.build`,
		what: `offline pack, ${s.label}: built on the server (Brotli 11), until the manifest lists it all`
	})),
	{ id: 'pack.default.seed.time3g', what: 'PouchDB defaults, seed, on 3G: time (simulated)' },
	...SIZES.map((s) => ({
		id: `pack.default.${s.key}`,
		what: `PouchDB defaults, ${s.label}: requests/1,000 docs, bytes/raw JSON, ×app`
	}))
]);

/**
 * @typedef {object} PullFigures
 * @property {number} docs
 * @property {number} rawJsonBytes
 * @property {number} requests
 * @property {number} up
 * @property {number} down
 * @property {number} loopbackMs
 * @property {number} modelled3gMs
 * @property {Record<string, { n: number, up: number, down: number }>} byRequest  per
 *   "METHOD path status" (query left out): how many, bytes each way
 * @property {{ docs: number, requests: number, up: number, down: number, loopbackMs: number, modelled3gMs: number } | null} essentials
 *   the first phase of the app's pull (null for PouchDB's defaults, which pull in one)
 */

/**
 * @param {{ requests: number, up: number, down: number, loopbackMs: number }} f
 * @returns {number}
 */
function model3g(f) {
	return (
		f.requests * THREE_G.rttMs +
		(f.up / bytesPerSecond(THREE_G.uploadKbps)) * 1000 +
		(f.down / bytesPerSecond(THREE_G.downloadKbps)) * 1000 +
		f.loopbackMs
	);
}

/**
 * @param {readonly import('../lib/counting-proxy.js').ProxiedRequest[]} log
 * @returns {Record<string, { n: number, up: number, down: number }>}
 */
function summarise(log) {
	/** @type {Record<string, { n: number, up: number, down: number }>} */
	const out = {};
	for (const r of log) {
		const key = `${r.method} ${r.path.split('?')[0]?.replace(/_local\/.*/, '_local/…')} ${r.status}`;
		const e = (out[key] ??= { n: 0, up: 0, down: 0 });
		e.n++;
		e.up += r.up;
		e.down += r.down;
	}
	return out;
}

/**
 * @param {import('../lib/counting-proxy.js').CountingProxy} proxy
 * @param {import('../lib/node-pouch.js').PullSettings} settings
 * @param {Pick<import('../lib/bench-bundle.js').BenchModule, 'applyPack' | 'withGateId'>} app  the
 *   app's pull of the pack by segments, used with the app's settings
 * @returns {Promise<PullFigures>}
 */
async function measuredPull(proxy, settings, app) {
	proxy.reset();
	/** @type {{ requests: number, up: number, down: number } | null} */
	let essentials = null;
	const url = `${proxy.url}/api/sync/contenido`;
	const settle = () => proxy.idle();
	const pull =
		settings === APP_SETTINGS
			? await pullWithPack(url, settings, app, {
					settle,
					afterEssentials: () => (essentials = proxy.totals())
				})
			: await pullAll(url, settings, { settle, phases: [{}] });
	if (settings === APP_SETTINGS && !('bySegments' in pull && pull.bySegments)) {
		throw new Error('the app pull did not use the offline pack');
	}
	const t = proxy.totals();
	/** @type {PullFigures} */
	const figures = {
		docs: pull.docs,
		rawJsonBytes: pull.rawJsonBytes,
		requests: t.requests,
		up: t.up,
		down: t.down,
		loopbackMs: Math.round(pull.ms),
		modelled3gMs: 0,
		byRequest: summarise(proxy.log),
		essentials: null
	};
	figures.modelled3gMs = Math.round(model3g(figures));
	const first = /** @type {{ requests: number, up: number, down: number } | null} */ (essentials);
	if (first) {
		const loopbackMs = Math.round(pull.phaseMs[0] ?? 0);
		figures.essentials = {
			docs: pull.phaseDocs[0] ?? 0,
			...first,
			loopbackMs,
			modelled3gMs: Math.round(model3g({ ...first, loopbackMs }))
		};
	}
	return figures;
}

/**
 * Waits until the server's offline pack holds all `docs` documents: its refresh runs behind the
 * manifest (Brotli 11, ~4 s per 1,000 documents), so the manifest is asked until it lists them.
 * @param {string} appUrl
 * @param {number} docs
 * @param {AbortSignal} signal
 * @returns {Promise<number>} ms from the first ask to a complete pack
 */
async function waitForPack(appUrl, docs, signal) {
	const started = performance.now();
	for (;;) {
		checkAborted(signal);
		const res = await fetch(`${appUrl}/api/sync/paquete`);
		const manifest = /** @type {{ segments: Array<{ docs: number }> }} */ (await res.json());
		const listed = manifest.segments.reduce((n, s) => n + s.docs, 0);
		if (listed === docs) return Math.round(performance.now() - started);
		if (performance.now() - started > 240_000) {
			throw new Error(`the offline pack lists ${listed} of ${docs} docs after 240 s`);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
}

/**
 * The byte ratio row of one size: ≤ 0.25 for the seed, ≤ 0.12 for 2k and 10k (PRODUCT.md).
 * @param {typeof SIZES[number]} size
 * @param {PullFigures} r
 * @returns {import('../lib/report.js').Row}
 */
function ratioRow(size, r) {
	const ratio = r.down / r.rawJsonBytes;
	const limit = size.key === 'seed' ? SEED_RATIO_BUDGET : RATIO_BUDGET;
	return checked({
		id: `pack.${size.key}.ratio`,
		what: `offline pack, ${size.label}: bytes downloaded / raw JSON`,
		measured: `${ratio.toFixed(3)} (${kb(r.down)} / ${kb(r.rawJsonBytes)})`,
		value: Number(ratio.toFixed(3)),
		unit: 'ratio',
		budget: `≤ ${limit}`,
		limit
	});
}

/**
 * The byte gate's share of this scenario (`npm run test:bytes`, in CI): the seed's pack, pulled
 * as a device does, against its budget. Bytes do not depend on the machine's load; the larger
 * portals and the timing rows stay in `offline-pack`.
 * @type {import('../lib/scenario.js').Scenario}
 */
export const packBytes = {
	name: 'pack-bytes',
	gateOnly: true,
	timeoutMs: 120_000,
	usesBundle: true,
	rows: ROWS.filter((r) => r.id === 'pack.seed.ratio'),
	async run(ctx) {
		const bench = await ctx.bundle.load();
		const store = await startBenchStore();
		ctx.defer(() => store.stop());
		const server = await startApp({ env: { COUCHDB_URL: store.url } });
		ctx.defer(() => server.stop());
		const counter = await startCountingProxy(server.url);
		ctx.defer(() => counter.close());
		const seed = /** @type {typeof SIZES[number]} */ (SIZES[0]);
		const stored = await storedJsonBytes(store.url);
		await waitForPack(server.url, stored.docs, ctx.signal);
		const app = {
			...(await measuredPull(counter, APP_SETTINGS, bench)),
			rawJsonBytes: stored.bytes
		};
		if (app.docs !== stored.docs) throw new Error(`pulled ${app.docs} of ${stored.docs} docs`);
		return { rows: [ratioRow(seed, app)] };
	}
};

/** @type {import('../lib/scenario.js').Scenario} */
export const offlinePack = {
	name: 'offline-pack',
	timeoutMs: 300_000,
	usesBundle: true,
	rows: ROWS,
	async run(ctx) {
		/** @type {import('../lib/app.js').BenchApp | undefined} */
		let app;
		try {
			return await measure(ctx, (started) => (app = started));
		} catch (e) {
			if (app && !app.alive())
				throw new Error(`the app server stopped:\n${app.output()}`, { cause: e });
			throw e;
		}
	}
};

/**
 * @param {import('../lib/scenario.js').BenchContext} ctx
 * @param {(app: import('../lib/app.js').BenchApp) => void} started
 * @returns {Promise<{ rows: import('../lib/report.js').Row[], details: unknown }>}
 */
async function measure(ctx, started) {
	const bench = await ctx.bundle.load();
	const store = await startBenchStore();
	ctx.defer(() => store.stop());
	const server = await startApp({ env: { COUCHDB_URL: store.url } });
	ctx.defer(() => server.stop());
	started(server);
	const counter = await startCountingProxy(server.url);
	ctx.defer(() => counter.close());

	/** @type {Record<string, { app: PullFigures, defaults: PullFigures }>} */
	const results = {};
	/** @type {Record<string, { app: number, essentials: number, defaults: number }>} */
	const simulated = {};
	/** @type {Record<string, number>} */
	const buildMs = {};
	for (const size of SIZES) {
		checkAborted(ctx.signal);
		if (size.add) {
			ctx.log(`offline-pack: writing ${size.add} generated docs (${size.essentials} essentials)`);
			await writeDocs(
				store.url,
				bench.storedDocs(size.first, size.add, undefined, { maxEssentials: size.essentials })
			);
		}
		checkAborted(ctx.signal);
		const stored = await storedJsonBytes(store.url);
		ctx.log(`offline-pack: ${size.label}, app settings`);
		buildMs[size.key] = await waitForPack(server.url, stored.docs, ctx.signal);
		const app = {
			...(await measuredPull(counter, APP_SETTINGS, bench)),
			rawJsonBytes: stored.bytes
		};
		if (app.docs !== stored.docs) throw new Error(`pulled ${app.docs} of ${stored.docs} docs`);
		checkAborted(ctx.signal);
		ctx.log(`offline-pack: ${size.label}, PouchDB defaults`);
		const defaults = {
			...(await measuredPull(counter, DEFAULT_SETTINGS, bench)),
			rawJsonBytes: stored.bytes
		};
		results[size.key] = { app, defaults };
		if (size.key === 'seed') {
			ctx.log('offline-pack: seed through a simulated 3G link');
			const link = await startCountingProxy(server.url, { link: THREE_G });
			ctx.defer(() => link.close());
			/** @returns {Promise<{ all: number, first: number }>} all phases, and the first one */
			const time = async (/** @type {import('../lib/node-pouch.js').PullSettings} */ settings) => {
				const started = performance.now();
				let first = 0;
				const url = `${link.url}/api/sync/contenido`;
				const settle = () => link.idle();
				if (settings === APP_SETTINGS) {
					await pullWithPack(url, settings, bench, {
						settle,
						afterEssentials: () => (first = Math.round(performance.now() - started))
					});
				} else {
					await pullAll(url, settings, { settle });
				}
				return { all: Math.round(performance.now() - started), first };
			};
			const app = await time(APP_SETTINGS);
			simulated.seed = {
				app: app.all,
				essentials: app.first,
				defaults: (await time(DEFAULT_SETTINGS)).all
			};
		}
	}

	/** @type {import('../lib/report.js').Row[]} */
	const rows = [];
	const seed = /** @type {{ app: PullFigures, defaults: PullFigures }} */ (results.seed);
	const simSeed = /** @type {{ app: number, essentials: number, defaults: number }} */ (
		simulated.seed
	);
	rows.push(
		checked({
			...ROWS[0],
			measured: `${duration(simSeed.app)} (${seed.app.docs} docs, ${kb(seed.app.down)} down, ${seed.app.requests} requests)`,
			value: simSeed.app,
			unit: 'ms',
			budget: '≤ 15 s',
			limit: 15_000,
			note: `modelled: ${duration(seed.app.modelled3gMs)}`
		})
	);
	rows.push(
		info({
			...ROWS[1],
			measured: `${duration(simSeed.essentials)} (${seed.app.essentials?.docs} docs, ${kb(seed.app.essentials?.down ?? 0)} down)`,
			value: simSeed.essentials,
			unit: 'ms',
			budget: '(≤ 5 s: 2k, 10k)',
			note: `modelled: ${duration(seed.app.essentials?.modelled3gMs ?? 0)}`
		})
	);
	for (const key of ['2k', '10k']) {
		const r = /** @type {{ app: PullFigures }} */ (results[key]).app;
		const budget = /** @type {{ all: number, essentials: number }} */ (TIME_BUDGETS[key]);
		/** @param {{ requests: number, up: number, down: number, loopbackMs: number }} f */
		const parts = (f) =>
			`${(f.requests * THREE_G.rttMs) / 1000} s RTT + ${(f.up / bytesPerSecond(THREE_G.uploadKbps)).toFixed(1)} s up + ` +
			`${(f.down / bytesPerSecond(THREE_G.downloadKbps)).toFixed(1)} s down + ${(f.loopbackMs / 1000).toFixed(1)} s processing`;
		rows.push(
			checked({
				id: `pack.${key}.time3g`,
				what: /** @type {string} */ (ROWS.find((x) => x.id === `pack.${key}.time3g`)?.what),
				measured: `${duration(r.modelled3gMs)} modelled (${r.docs} docs, ${kb(r.down)} down, ${kb(r.up)} up, ${r.requests} requests)`,
				value: r.modelled3gMs,
				unit: 'ms',
				budget: `≤ ${budget.all / 1000} s`,
				limit: budget.all,
				note: parts(r)
			})
		);
		const e = r.essentials;
		if (!e) throw new Error('the app pull has no essentials phase');
		rows.push(
			checked({
				id: `pack.${key}.essentials3g`,
				what: /** @type {string} */ (ROWS.find((x) => x.id === `pack.${key}.essentials3g`)?.what),
				measured: `${duration(e.modelled3gMs)} modelled (${e.docs} of ${r.docs} docs, ${kb(e.down)} down, ${e.requests} requests)`,
				value: e.modelled3gMs,
				unit: 'ms',
				budget: `≤ ${budget.essentials / 1000} s`,
				limit: budget.essentials,
				note: parts(e)
			})
		);
	}
	for (const size of SIZES) {
		const r = /** @type {{ app: PullFigures }} */ (results[size.key]).app;
		const perThousand = (r.requests / r.docs) * 1000;
		const base = {
			id: `pack.${size.key}.requests`,
			what: `offline pack, ${size.label}: requests per 1,000 docs`,
			measured: `${perThousand.toFixed(1)} (${r.requests} requests, ${r.docs} docs)`,
			value: Number(perThousand.toFixed(2)),
			unit: 'requests/1000 docs'
		};
		rows.push(
			PER_THOUSAND_CHECKED.has(size.key)
				? checked({ ...base, budget: '≤ 6', limit: 6 })
				: info({
						...base,
						budget: '(≤ 6: 2k, 10k)',
						note: `a pull has a fixed cost of requests; ${r.docs} docs are too few for a per-1,000 rate`
					})
		);
	}
	for (const size of SIZES) {
		rows.push(ratioRow(size, /** @type {{ app: PullFigures }} */ (results[size.key]).app));
	}
	for (const size of SIZES) {
		rows.push(
			info({
				id: `pack.${size.key}.build`,
				what: `offline pack, ${size.label}: built on the server (Brotli 11), until the manifest lists it all`,
				measured: `${duration(buildMs[size.key] ?? 0)} after the documents were written`,
				value: buildMs[size.key] ?? 0,
				unit: 'ms',
				note: 'the first manifest asked starts the refresh; devices that come meanwhile pull by replication'
			})
		);
	}
	rows.push(
		info({
			id: 'pack.default.seed.time3g',
			what: 'PouchDB defaults, seed, on 3G: time (simulated)',
			measured: `${duration(simSeed.defaults)} (${seed.defaults.requests} requests, ${kb(seed.defaults.down)} down)`,
			value: simSeed.defaults,
			unit: 'ms',
			note: `modelled: ${duration(seed.defaults.modelled3gMs)}`
		})
	);
	for (const size of SIZES) {
		const { app: a, defaults: d } = /** @type {{ app: PullFigures, defaults: PullFigures }} */ (
			results[size.key]
		);
		rows.push(
			info({
				id: `pack.default.${size.key}`,
				what: `PouchDB defaults, ${size.label}: requests/1,000 docs, bytes/raw JSON, ×app`,
				measured:
					`${((d.requests / d.docs) * 1000).toFixed(1)} req/1k, ratio ${(d.down / d.rawJsonBytes).toFixed(2)}; ` +
					`×${(d.requests / a.requests).toFixed(1)} requests, ×${(d.down / a.down).toFixed(1)} bytes, ` +
					`3G ${duration(d.modelled3gMs)} modelled`,
				value: Number(((d.requests / d.docs) * 1000).toFixed(2)),
				unit: 'requests/1000 docs'
			})
		);
	}
	return { rows, details: { results, simulated } };
}
