// The primary process of the default start: one app process per core (node:cluster, sharing the
// HTTP port) so a 2-core server uses both cores, plus the embedded store, in a process of its own,
// unless COUCHDB_URL points at Apache CouchDB. It serves no request itself: it deals connections
// to the workers, keeps the workers and the store running, and stops everything in order.
//
// The store has its own process because the primary deals every new connection to a worker: with
// the store's work on the same event loop (its first version), a burst of devices waited for the
// store before their connections even reached a worker (bench, quiet machine, 200 devices: p95
// 2,242 ms with the store here against the figures in bench/README.md with it apart).
// Connections are dealt by the primary in turn (Node's default on Linux): workers accepting by
// themselves (NODE_CLUSTER_SCHED_POLICY=none) had time-outs at 500 devices in both runs tried.
import cluster from 'node:cluster';
import { startStoreProcess } from './store-child.js';

/** A worker that lived less than this before dying counts as a crash loop. */
const STABLE_MS = 30_000;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** Crashes before any worker ever listened after which the start is a failure, not a hiccup. */
const START_FAILURES = 3;
/** How long stopping workers may take to finish what they were answering (they allow 3 s). */
const STOP_GRACE_MS = 5_000;

/**
 * Starts the store (when embedded) and `settings.WORKERS` app workers; restarts a worker that
 * dies; on SIGTERM or SIGINT stops the workers, then the store, and exits 0.
 * @param {import('../src/lib/server/config.js').Config} settings
 */
export async function runPrimary(settings) {
	let stopping = false;
	const store = settings.COUCHDB_URL
		? undefined
		: await startStoreProcess(settings.DATA_DIR, () => stopping);
	// For the workers the embedded store is just another CouchDB at a URL with credentials.
	/** @type {Record<string, string>} */
	const workerEnv = store ? { COUCHDB_URL: store.url } : {};

	let listened = false;
	let quickCrashes = 0;
	let startFailures = 0;
	/** @type {Map<number, number>} worker id → when it was forked */
	const forkedAt = new Map();
	/** @type {Set<ReturnType<typeof setTimeout>>} */
	const pendingRestarts = new Set();

	const fork = () => forkedAt.set(cluster.fork(workerEnv).id, Date.now());

	cluster.on('listening', () => {
		if (listened) return;
		listened = true;
		const { HOST: host, PORT: port } = settings;
		const shown = host === '0.0.0.0' ? 'localhost' : host;
		console.log(
			`Ventanilla escuchando en http://${shown}:${port} ` +
				`(${settings.WORKERS} procesos de la aplicación` +
				`${store ? `, almacén integrado en ${settings.DATA_DIR}` : ''})`
		);
	});

	cluster.on('exit', (worker, code, signal) => {
		const lived = Date.now() - (forkedAt.get(worker.id) ?? 0);
		forkedAt.delete(worker.id);
		if (stopping) return;
		const how = signal ? `por la señal ${signal}` : `con código ${code}`;
		if (!listened && ++startFailures >= START_FAILURES) {
			console.error(
				`El proceso de la aplicación ${worker.process.pid} terminó ${how} al iniciar, ` +
					`${startFailures} veces seguidas; Ventanilla se detiene.`
			);
			void stop(1);
			return;
		}
		// A worker that dies right after starting will probably die again: wait longer each time
		// so a crash loop does not eat the core the other worker is serving on.
		quickCrashes = lived < STABLE_MS ? quickCrashes + 1 : 0;
		const delay = quickCrashes
			? Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (quickCrashes - 1))
			: 0;
		console.error(
			`El proceso de la aplicación ${worker.process.pid} terminó ${how}; ` +
				(delay ? `se inicia otro en ${(delay / 1000).toFixed(1)} s.` : 'se inicia otro.')
		);
		const timer = setTimeout(() => {
			pendingRestarts.delete(timer);
			fork();
		}, delay);
		pendingRestarts.add(timer);
	});

	/**
	 * Workers first (they finish what they are answering, and they need the store for it), then
	 * the store.
	 * @param {number} exitCode
	 */
	async function stop(exitCode) {
		if (stopping) return;
		stopping = true;
		for (const timer of pendingRestarts) clearTimeout(timer);
		const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
		await Promise.all(
			workers.map(
				(worker) =>
					new Promise((resolve) => {
						if (worker.isDead()) return resolve(undefined);
						worker.once('exit', resolve);
						const late = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
						worker.once('exit', () => clearTimeout(late));
						worker.process.kill('SIGTERM');
					})
			)
		);
		await store?.stop();
		process.exit(exitCode);
	}
	process.on('SIGTERM', () => void stop(0));
	process.on('SIGINT', () => void stop(0));

	for (let i = 0; i < settings.WORKERS; i++) fork();
}
