/**
 * Starts the real built server (`node server/index.js`) on a free port with a fresh embedded
 * store, for integration tests, e2e tests and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningServer {
	url: string;
	dataDir: string;
	process: ChildProcess;
	stop: (opts?: { keepData?: boolean }) => Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

export async function startServer(
	opts: { port?: number; dataDir?: string; env?: Record<string, string> } = {}
): Promise<RunningServer> {
	const port = opts.port ?? (await freePort());
	const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'ventanilla-'));
	const child = spawn(process.execPath, ['server/index.js'], {
		cwd: path.resolve(import.meta.dirname, '../..'),
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...opts.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
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
			throw new Error(`El servidor no respondió en 30 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		dataDir,
		process: child,
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
