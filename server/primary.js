// The primary process of the default start: one app process per core (node:cluster, sharing the
// HTTP port) so a 2-core server uses both cores, plus the embedded store unless COUCHDB_URL points
// at Apache CouchDB. It serves no request itself: it keeps the workers running and stops
// everything in order.
//
// The store stays in this process rather than in a child of its own: on 2 cores shared with the
// load generator (`node bench/run.js server-load`, two runs each, a busy machine) a separate
// store process was not faster (p95 at 200 devices 2.5–3.0 s against 1.9–2.1 s here; at 500
// about 5.5 s both) and took ~45 MB more; and here a killed primary cannot leave behind a store
// process holding DATA_DIR's LevelDB lock. Connections are dealt by the primary in turn (Node's
// default on Linux): workers accepting by themselves (NODE_CLUSTER_SCHED_POLICY=none) had
// time-outs at 500 devices in both runs tried.
import cluster from 'node:cluster';

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
	/** @type {{ url: string, close: () => Promise<void> } | undefined} */
	let store;
	if (!settings.COUCHDB_URL) {
		const { startEmbeddedStore } = await import('./store.js');
		store = await startEmbeddedStore({ dataDir: settings.DATA_DIR });
	}
	// For the workers the embedded store is just another CouchDB at a URL with credentials.
	/** @type {Record<string, string>} */
	const workerEnv = store ? { COUCHDB_URL: store.url } : {};

	let stopping = false;
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
		await store?.close();
		process.exit(exitCode);
	}
	process.on('SIGTERM', () => void stop(0));
	process.on('SIGINT', () => void stop(0));

	for (let i = 0; i < settings.WORKERS; i++) fork();
}
