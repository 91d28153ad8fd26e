/**
 * The app server for the bench: tests/helpers/app-server.js's `startServer`, plus the tail of
 * its output and whether it is still running, so a crash is reported with its cause instead of
 * as a connection refused in the next scenario.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PRODUCTION_SCRYPT_N, startServer } from '../../tests/helpers/app-server.js';

const TAIL = 4000;

/**
 * @typedef {import('../../tests/helpers/app-server.js').RunningServer & {
 *   alive: () => boolean,
 *   output: () => string
 * }} BenchApp
 */

/**
 * @param {Parameters<typeof startServer>[0]} [opts]
 * @returns {Promise<BenchApp>}
 */
export async function startApp(opts = {}) {
	// Our own data directory, so that a server that fails to start leaves nothing behind.
	const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'ventanilla-bench-'));
	let server;
	try {
		// Hashing as costly as in production: the figures are a real server's.
		server = await startServer({
			...opts,
			dataDir,
			env: { SCRYPT_N: PRODUCTION_SCRYPT_N, ...opts.env }
		});
	} catch (e) {
		if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
		throw e;
	}
	let output = '';
	/** @param {Buffer} d */
	const keep = (d) => {
		output = (output + d.toString()).slice(-TAIL);
	};
	const child = server.process;
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return {
		...server,
		alive: () => child.exitCode === null && child.signalCode === null,
		output: () =>
			`${output}${child.exitCode !== null ? `\n[exit code ${child.exitCode}]` : ''}` +
			`${child.signalCode ? `\n[signal ${child.signalCode}]` : ''}`
	};
}
