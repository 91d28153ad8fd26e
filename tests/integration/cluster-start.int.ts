/**
 * The default start (`npm start` without WORKERS) on a machine with two or more cores: app
 * workers share the one HTTP port, each of them answers part of the traffic, and a worker that
 * dies is replaced while the others keep the site answering. Processes are seen from outside,
 * through /proc, as an operator would with `ps`: the app exposes no process ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';

let server: RunningServer;
let primary = 0;

beforeAll(async () => {
	// The default is one worker per core; a one-core runner still checks the cluster with two.
	server = await startServer({ env: availableParallelism() < 2 ? { WORKERS: '2' } : {} });
	primary = server.process.pid!;
}, 150_000);

afterAll(async () => {
	await server?.stop();
});

/** Processes whose parent is `pid` (the third field after the command in /proc/<pid>/stat). */
function childrenOf(pid: number): number[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.filter((name) => {
			try {
				const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
				return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
			} catch {
				return false; // ended meanwhile
			}
		})
		.map(Number);
}

/** Bytes a process has written through write(2) and friends, sockets included. */
function bytesWritten(pid: number): number {
	return Number(/^wchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1]);
}

/** One GET on a connection of its own (no keep-alive), so each can go to another worker. */
function get(path: string): Promise<{ status: number; bytes: number }> {
	return new Promise((resolve, reject) => {
		const req = http.get(`${server.url}${path}`, { agent: false, timeout: 10_000 }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
	});
}

async function until(what: string, check: () => boolean, ms = 30_000) {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`${what}: no en ${ms / 1000} s`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

describe('the default start', () => {
	it('runs one app worker per core on the same port, each serving part of the traffic', async () => {
		const workers = childrenOf(primary);
		expect(workers.length).toBeGreaterThanOrEqual(Math.max(2, availableParallelism()));
		for (const pid of workers) {
			expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('server/index.js');
		}
		const before = new Map(workers.map((pid) => [pid, bytesWritten(pid)]));
		const pages = await Promise.all(
			Array.from({ length: 20 * workers.length }, () => get('/tramites'))
		);
		expect(pages.every((p) => p.status === 200)).toBe(true);
		const page = Math.min(...pages.map((p) => p.bytes));
		// Connections are dealt out in turn: every worker wrote several whole pages to sockets.
		for (const pid of workers) {
			expect(bytesWritten(pid) - before.get(pid)!, `worker ${pid}`).toBeGreaterThan(5 * page);
		}
	});

	it('replaces a worker that dies, and the site answers all along', async () => {
		const workers = childrenOf(primary);
		const victim = workers[0]!;
		process.kill(victim, 'SIGKILL');
		// Once the primary has reaped it, no connection is dealt to it any more.
		await until('el proceso muerto sigue en la lista', () => !childrenOf(primary).includes(victim));
		const answered: number[] = [];
		const replaced = () => {
			const now = childrenOf(primary);
			return now.length === workers.length && !now.includes(victim);
		};
		while (!replaced()) {
			answered.push((await get('/api/salud')).status);
			await new Promise((r) => setTimeout(r, 50));
		}
		expect(answered.filter((s) => s !== 200)).toEqual([]);
		const replacement = childrenOf(primary).find((pid) => !workers.includes(pid))!;
		expect(server.output()).toMatch(
			new RegExp(`proceso de la aplicación ${victim} terminó por la señal SIGKILL; se inicia otro`)
		);
		// The new worker takes its share once it has started (it runs the store start-up again).
		const deadline = Date.now() + 60_000;
		for (;;) {
			const before = bytesWritten(replacement);
			const pages = await Promise.all(Array.from({ length: 10 }, () => get('/tramites')));
			expect(pages.map((p) => p.status)).toEqual(Array(10).fill(200));
			if (bytesWritten(replacement) - before > 2 * Math.min(...pages.map((p) => p.bytes))) break;
			expect(Date.now(), 'el nuevo proceso no atiende').toBeLessThan(deadline);
			await new Promise((r) => setTimeout(r, 250));
		}
	}, 90_000);
});
