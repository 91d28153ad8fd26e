/**
 * Starts the real built server (`node server/index.js`) on a free port with a fresh embedded
 * store (or the store given in `env.COUCHDB_URL`), for integration tests, e2e tests and the
 * bench. Plain JavaScript so the bench can use it without a TypeScript loader.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * @typedef {object} RunningServer
 * @property {string} url
 * @property {string} dataDir
 * @property {import('node:child_process').ChildProcess} process
 * @property {() => string} output
 * @property {(opts?: { keepData?: boolean }) => Promise<void>} stop
 */

const START_TIMEOUT_MS = 120_000;

/** @returns {Promise<number>} */
export async function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const address = /** @type {import('node:net').AddressInfo} */ (srv.address());
			srv.close(() => resolve(address.port));
		});
		srv.on('error', reject);
	});
}

/** Tries with a new free port when another process took the one chosen (see below). */
const PORT_TRIES = 3;

/**
 * @param {{ port?: number, dataDir?: string, env?: Record<string, string> }} [opts]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(opts = {}) {
	for (let attempt = 1; ; attempt++) {
		const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'ventanilla-'));
		try {
			return await startOnce({ ...opts, port: opts.port ?? (await freePort()), dataDir });
		} catch (e) {
			if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
			// A free port is only free until someone listens on it: with two test processes
			// starting servers at once, the other one can take it between the check and the listen.
			const portTaken = e instanceof Error && e.message.includes('EADDRINUSE');
			if (!portTaken || opts.port || attempt >= PORT_TRIES) throw e;
		}
	}
}

/** `SCRYPT_N` as a real server runs it (its default), for figures and tests that time hashing. */
export const PRODUCTION_SCRYPT_N = '16384';

/**
 * @param {{ port: number, dataDir: string, env?: Record<string, string> }} opts
 * @returns {Promise<RunningServer>}
 */
async function startOnce(opts) {
	const { port, dataDir } = opts;
	const child = spawn(process.execPath, ['server/index.js'], {
		cwd: path.resolve(import.meta.dirname, '../..'),
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			// Every test client comes from 127.0.0.1, which real limits would treat as one very busy
			// citizen; the tests of the limits themselves pass RATE_LIMIT_FACTOR: '1'.
			RATE_LIMIT_FACTOR: '1000',
			// scrypt at its lowest work factor: 16 times cheaper per PIN and password hash, which CI
			// makes thousands of (integration phase 240 → 200 s). The bench and the tests of the
			// hashing queue pass PRODUCTION_SCRYPT_N.
			SCRYPT_N: '1024',
			...opts.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${port}`;
	// Generous: in CI this start shares two cores with the other integration process's server.
	const deadline = Date.now() + START_TIMEOUT_MS;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`El servidor terminó al iniciar:\n${output}`);
		try {
			const res = await fetch(`${url}/api/salud`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`El servidor no respondió en ${START_TIMEOUT_MS / 1000} s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		dataDir,
		process: child,
		/** Everything the server printed so far (stdout and stderr). */
		output: () => output,
		stop: async ({ keepData = false } = {}) => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			if (!keepData) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
