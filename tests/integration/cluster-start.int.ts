/**
 * How `npm start` uses the cores. The default (embedded store, no WORKERS) runs the store in a
 * process of its own beside the app, each with its own core; a store process that dies is
 * started again on the same URL and the app recovers without a restart. With more app processes
 * (`WORKERS=2`, the default with COUCHDB_URL on 2 cores) they share the one HTTP port, each
 * answers part of the traffic, and one that dies is replaced while the others keep the site
 * answering. Processes are seen from outside, through /proc, as an operator would with `ps`:
 * the app exposes no process ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';

let server: RunningServer;
let primary = 0;
let lone: RunningServer;

beforeAll(async () => {
	[server, lone] = await Promise.all([
		startServer({ env: { WORKERS: '2' } }),
		startServer({ env: { WORKERS: '' } })
	]);
	primary = server.process.pid!;
}, 150_000);

afterAll(async () => {
	await Promise.all([server?.stop(), lone?.stop()]);
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

/** The app processes among `pids` (the store's process runs another file). */
const appProcesses = (pids: number[]) =>
	pids.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server/index.js'));
const storeProcesses = (pids: number[]) =>
	pids.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('store-process.js'));

/** CPU time (user + system, clock ticks) a process has used. */
function cpuTicks(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

/** Bytes a process has written through write(2) and friends, sockets included. */
function bytesWritten(pid: number): number {
	return Number(/^wchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1]);
}

/**
 * One GET on a connection of its own (no keep-alive), so each can go to another worker. Up to
 * 30 s: a worker that was just forked answers once its start-up (store checks) is done, which
 * takes seconds when the whole suite shares two cores.
 */
function get(
	path: string,
	base = server.url,
	timeout = 30_000
): Promise<{ status: number; bytes: number }> {
	return new Promise((resolve, reject) => {
		const req = http.get(`${base}${path}`, { agent: false, timeout }, (res) => {
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

describe('the default start with the embedded store', () => {
	it('runs the store in a process of its own, so the app and the store each use a core', async () => {
		const app = lone.process.pid!;
		expect(appProcesses(childrenOf(app))).toEqual([]);
		const [store] = storeProcesses(childrenOf(app));
		expect(store).toBeDefined();
		const before = [cpuTicks(app), cpuTicks(store!)];
		const pages = await Promise.all(
			Array.from({ length: 40 }, (_, i) => get(`/tramites?v=${i}`, lone.url))
		);
		expect(pages.every((p) => p.status === 200)).toBe(true);
		// Both processes worked for those pages: the app rendering, the store reading.
		expect(cpuTicks(app)).toBeGreaterThan(before[0]!);
		expect(cpuTicks(store!)).toBeGreaterThan(before[1]!);
	});

	it('starts a store process that dies again on the same URL, and the app recovers by itself', async () => {
		const app = lone.process.pid!;
		const [store] = storeProcesses(childrenOf(app));
		process.kill(store!, 'SIGKILL');
		await until('el almacén no volvió', () => {
			const again = storeProcesses(childrenOf(app));
			return again.length === 1 && again[0] !== store;
		});
		const deadline = Date.now() + 30_000;
		while ((await get('/api/salud', lone.url)).status !== 200) {
			expect(Date.now(), 'la salud no volvió a 200').toBeLessThan(deadline);
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(lone.output()).toMatch(/almacén integrado terminó \(SIGKILL\); se inicia de nuevo/);
		expect((await get('/tramites', lone.url)).status).toBe(200);
	}, 60_000);
});

describe('several app processes (WORKERS=2)', () => {
	it('run on the same port, each serving part of the traffic', async () => {
		const workers = appProcesses(childrenOf(primary));
		expect(workers).toHaveLength(2);
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

	it('replaces one that dies, and the site answers all along', async () => {
		const workers = appProcesses(childrenOf(primary));
		const victim = workers[0]!;
		process.kill(victim, 'SIGKILL');
		// Once the primary has reaped it, no connection is dealt to it any more.
		await until(
			'el proceso muerto sigue en la lista',
			() => !appProcesses(childrenOf(primary)).includes(victim)
		);
		const answered: number[] = [];
		const replaced = () => {
			const now = appProcesses(childrenOf(primary));
			return now.length === workers.length && !now.includes(victim);
		};
		while (!replaced()) {
			// A connection node:cluster dealt to the worker in the instant it died is lost with it;
			// a client's retry (after 10 s without an answer) reaches a live one.
			const status = await get('/api/salud', server.url, 10_000).then(
				(r) => r.status,
				() => get('/api/salud').then((r) => r.status)
			);
			answered.push(status);
			await new Promise((r) => setTimeout(r, 50));
		}
		expect(answered.filter((s) => s !== 200)).toEqual([]);
		const replacement = appProcesses(childrenOf(primary)).find((pid) => !workers.includes(pid))!;
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
