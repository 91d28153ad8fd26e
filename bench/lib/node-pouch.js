/**
 * PouchDB in Node for the offline-pack rows: in-memory local databases that pull over HTTP,
 * with the app's replication settings or PouchDB's defaults.
 */
import { createRequire } from 'node:module';

// pouchdb-adapter-memory's dependencies look for a browser-like global in places.
/** @type {any} */ (globalThis).self ??= globalThis;

const require = createRequire(import.meta.url);
/** @type {any} */
const PouchDB = require('pouchdb-core')
	.plugin(require('pouchdb-adapter-memory'))
	.plugin(require('pouchdb-adapter-http'))
	.plugin(require('pouchdb-replication'));

/**
 * @typedef {object} PullSettings
 * @property {string} name
 * @property {string} acceptEncoding  sent on every request
 * @property {Record<string, unknown>} options  PouchDB.replicate options
 * @property {Record<string, unknown>} [remote]  options of the remote database's handle
 */

/**
 * What the app uses (src/lib/sync/content-pull.ts): batches of 1,000, two batches in flight,
 * checkpoints kept on the device, no set-up request, compressed responses (browsers always send
 * `Accept-Encoding: gzip, deflate, br, zstd`).
 * @type {PullSettings}
 */
export const APP_SETTINGS = {
	name: 'app',
	acceptEncoding: 'br, gzip',
	options: { batch_size: 1000, batches_limit: 2, checkpoint: 'target', retry: false },
	remote: { skip_setup: true }
};

/**
 * PouchDB's defaults (batch_size 100, batches_limit 10, checkpoints on both sides: the gate
 * answers the checkpoint reads with 404 and writes with 405, which PouchDB tolerates) and no
 * compression.
 * @type {PullSettings}
 */
export const DEFAULT_SETTINGS = {
	name: 'PouchDB default',
	acceptEncoding: 'identity',
	options: {}
};

/**
 * @typedef {object} PullResult
 * @property {number} docs  documents written locally
 * @property {number} rawJsonBytes  the pulled documents serialised as JSON, summed (UTF-8)
 * @property {number} ms  wall time of the replication (all phases)
 * @property {number[]} phaseMs  wall time of each phase
 * @property {number[]} phaseDocs  documents in the local database after each phase
 */

/**
 * A device's first pull with the app: the essentials (`src/lib/content/essentials.ts`), then
 * everything, into the same database.
 */
export const APP_PHASES = [{ filter: 'contenido/esenciales' }, {}];

let n = 0;

/**
 * `fetch` sending `Accept-Encoding` as given (PouchDB's own requests included).
 * @param {string} acceptEncoding
 * @returns {typeof fetch}
 */
function withEncoding(acceptEncoding) {
	return (url, init = {}) => {
		const headers = new Headers(init.headers);
		headers.set('accept-encoding', acceptEncoding);
		return fetch(url, { ...init, headers });
	};
}

/**
 * Pulls everything from `remoteUrl` into a new in-memory database, sending `Accept-Encoding`
 * as given, and measures the raw JSON size of what arrived.
 * @param {string} remoteUrl
 * @param {PullSettings} settings
 * @param {{
 *   settle?: () => Promise<void>,
 *   phases?: readonly Record<string, unknown>[],
 *   afterPhase?: (index: number) => Promise<void> | void
 * }} [opts]  `settle` is awaited after each replication resolves and before the databases are
 *   closed (e.g. until the counting proxy has seen the last request); `phases` are replications
 *   one after the other into the same database (their extra options; default one, plain), with
 *   `afterPhase` called after each (settled)
 * @returns {Promise<PullResult>}
 */
export async function pullAll(remoteUrl, settings, opts = {}) {
	const fetchWithEncoding = withEncoding(settings.acceptEncoding);
	const local = new PouchDB(`bench-${process.pid}-${n++}`, { adapter: 'memory' });
	const remote = new PouchDB(remoteUrl, { ...settings.remote, fetch: fetchWithEncoding });
	try {
		/** @type {number[]} */
		const phaseMs = [];
		/** @type {number[]} */
		const phaseDocs = [];
		for (const [index, phase] of (opts.phases ?? [{}]).entries()) {
			const started = performance.now();
			const result = await PouchDB.replicate(remote, local, { ...settings.options, ...phase });
			phaseMs.push(performance.now() - started);
			if (!result.ok) throw new Error(`replication not ok: ${JSON.stringify(result.errors)}`);
			phaseDocs.push((await local.info()).doc_count);
			await opts.settle?.();
			await opts.afterPhase?.(index);
		}
		const ms = phaseMs.reduce((a, b) => a + b, 0);
		const all = await local.allDocs({ include_docs: true });
		let rawJsonBytes = 0;
		for (const row of all.rows) rawJsonBytes += Buffer.byteLength(JSON.stringify(row.doc));
		return { docs: all.rows.length, rawJsonBytes, ms, phaseMs, phaseDocs };
	} finally {
		await local.destroy();
		await remote.close();
	}
}

/**
 * A device's first pull as the app makes it (`src/lib/sync/content-pull.ts`): the server's
 * offline pack by segments with the app's own `applyPack`, then a replication from the pack's
 * sequence. Phase 0 ends when the essentials are stored, phase 1 at the end.
 * @param {string} remoteUrl  the replication gate (`…/api/sync/contenido`)
 * @param {PullSettings} settings
 * @param {Pick<import('./bench-bundle.js').BenchModule, 'applyPack' | 'withGateId'>} app  the
 *   app's own code, from the bench bundle
 * @param {{ settle?: () => Promise<void>, afterEssentials?: () => void }} [opts]
 * @returns {Promise<PullResult & { bySegments: boolean }>}
 */
export async function pullWithPack(remoteUrl, settings, app, opts = {}) {
	const fetchWithEncoding = withEncoding(settings.acceptEncoding);
	const local = new PouchDB(`bench-${process.pid}-${n++}`, { adapter: 'memory' });
	const remote = app.withGateId(
		new PouchDB(remoteUrl, { ...settings.remote, fetch: fetchWithEncoding }),
		remoteUrl
	);
	try {
		const started = performance.now();
		let essentialsMs = 0;
		let essentialDocs = 0;
		const since = await app.applyPack(local, {
			manifestUrl: remoteUrl.replace(/\/contenido\/?$/, '/paquete'),
			fetch: fetchWithEncoding,
			onProgress: (/** @type {{ essentials: boolean, received: number }} */ p) => {
				if (p.essentials) essentialDocs = p.received;
			},
			onEssentials: () => {
				essentialsMs = performance.now() - started;
				opts.afterEssentials?.();
			}
		});
		const result = await PouchDB.replicate(remote, local, {
			...settings.options,
			...(since === null ? {} : { since })
		});
		if (!result.ok) throw new Error(`replication not ok: ${JSON.stringify(result.errors)}`);
		const ms = performance.now() - started;
		await opts.settle?.();
		const all = await local.allDocs({ include_docs: true });
		let rawJsonBytes = 0;
		for (const row of all.rows) rawJsonBytes += Buffer.byteLength(JSON.stringify(row.doc));
		return {
			docs: all.rows.length,
			rawJsonBytes,
			ms,
			phaseMs: [essentialsMs, ms - essentialsMs],
			phaseDocs: [essentialDocs, all.rows.length],
			bySegments: since !== null
		};
	} finally {
		await local.destroy();
		await remote.close();
	}
}
