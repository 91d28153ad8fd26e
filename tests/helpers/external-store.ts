/**
 * The embedded store in a process of its own (`store-process.js`), as Apache CouchDB runs apart
 * from the app servers: tests point several servers at it, kill it (SIGKILL) and start it again
 * on the same data, port and secret.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './app-server.js';

export interface ExternalStore {
	/** The store's URL, credentials included (the same after a restart). */
	readonly url: string;
	/** SIGKILL, as a crash: resolves once the process is gone. */
	kill(): Promise<void>;
	/** Starts it again on the same data, port and secret. */
	start(): Promise<void>;
	/** Stops it and removes its data. */
	remove(): Promise<void>;
	/** `fetch` against the store with its credentials (`path` without the leading slash). */
	fetch(path: string, init?: RequestInit): Promise<Response>;
}

export async function startExternalStore(): Promise<ExternalStore> {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'ventanilla-almacen-'));
	const secret = randomBytes(24).toString('hex');
	const port = await freePort();
	let child: ChildProcess | undefined;
	let url = '';

	const start = () =>
		new Promise<void>((resolve, reject) => {
			const c = spawn(
				process.execPath,
				['server/store-process.js', dataDir, String(port), secret],
				{ cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] }
			);
			child = c;
			let out = '';
			c.stdout!.on('data', (d: Buffer) => {
				out += d;
				const ready = /listo (\S+)/.exec(out);
				if (ready) {
					url = ready[1]!;
					resolve();
				}
			});
			c.stderr!.on('data', (d: Buffer) => (out += d));
			c.on('exit', (code) => reject(new Error(`El almacén terminó (${code}):\n${out}`)));
		});
	const kill = async () => {
		const c = child;
		if (!c || c.exitCode !== null || c.signalCode !== null) return;
		const exited = new Promise((r) => c.once('exit', r));
		c.kill('SIGKILL');
		await exited;
	};
	await start();
	return {
		get url() {
			return url;
		},
		kill,
		start,
		remove: async () => {
			await kill();
			rmSync(dataDir, { recursive: true, force: true });
		},
		fetch: (p, init = {}) => {
			const u = new URL(url);
			const auth = `Basic ${Buffer.from(`${u.username}:${u.password}`).toString('base64')}`;
			return fetch(`http://${u.host}/${p}`, {
				...init,
				headers: { authorization: auth, 'content-type': 'application/json' }
			});
		}
	};
}
