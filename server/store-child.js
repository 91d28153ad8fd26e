// The embedded store as a child process of the app's entry point (`store-process.js`): the
// store's work gets a core and an event loop of its own instead of sharing the app's, which on a
// 2-core server is how the default start uses both cores (see server/index.js).
import { fork as forkProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { getPriority, setPriority } from 'node:os';

/** A crashed store is started again after this long (the workers meanwhile answer 503). */
const STORE_RESTART_MS = 500;

/**
 * How far the store's CPU priority (nice value) is below the app's. When both want the cores at
 * once (a burst of phones, a fifth of them filing a request with a photo: ~30 ms of the store's
 * CPU per filing), the app's answers to people waiting for a page or a pull come first, and
 * the filings, safe in the phones' outboxes, get their radicados a little later; the app's reads
 * of content are cached and rarely wait for the store (bench server-load, 500 devices: p95 of
 * the home page 3.4 → 1.6 s). On an idle core the store runs at full speed.
 */
const STORE_NICENESS = 10;

/**
 * Runs the embedded store in a child process (`store-process.js`) and starts it again, on the
 * same port and secret so the workers' URL stays valid, if it dies while not stopping.
 * @param {string} dataDir
 * @param {() => boolean} stopping
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startStoreProcess(dataDir, stopping) {
	const secret = randomBytes(24).toString('hex');
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let child;
	// 0 at first (any free port); then the port it got, so a restart keeps the workers' URL.
	let port = 0;
	/** @returns {Promise<string>} */
	const start = () =>
		new Promise((resolve, reject) => {
			const c = forkProcess(
				new URL('./store-process.js', import.meta.url),
				[dataDir, String(port), secret],
				{ stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }
			);
			child = c;
			try {
				if (c.pid !== undefined) setPriority(c.pid, Math.min(19, getPriority() + STORE_NICENESS));
			} catch {
				// A system that refuses it runs the store at the app's priority.
			}
			c.once('message', (m) => resolve(/** @type {{ url: string }} */ (m).url));
			c.once('exit', (code, signal) => {
				reject(new Error(`El almacén integrado terminó al iniciar (${signal ?? code})`));
				if (stopping() || c !== child) return;
				console.error(
					`El almacén integrado terminó (${signal ?? `código ${code}`}); se inicia de nuevo.`
				);
				setTimeout(() => {
					if (!stopping()) start().catch((e) => console.error(String(e)));
				}, STORE_RESTART_MS);
			});
		});
	const url = await start();
	port = Number(new URL(url).port);
	return {
		url,
		stop: async () => {
			const c = child;
			if (!c || c.exitCode !== null || c.signalCode !== null) return;
			const exited = new Promise((r) => c.once('exit', r));
			c.kill('SIGTERM');
			await exited;
		}
	};
}
