/**
 * The app accepts connections on several descriptors of its one listening socket
 * (server/accept-handles.js), so that a burst's connections are not taken one per event-loop turn,
 * and the copies keep the long accept queue. On a server of its own with one app process (a
 * cluster's workers share the primary's socket instead). Linux only, as is the server.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer({ env: { WORKERS: '1' } });
	// The copies come back from a helper process within a moment of the first `listen`, while
	// the server already answers.
	const done = Date.now() + 10_000;
	while (helpers().length && Date.now() < done) await new Promise((r) => setTimeout(r, 50));
}, 60_000);
afterAll(() => server?.stop());

/** The inode of the socket listening on 127.0.0.1:`port` (`/proc/net/tcp`, state 0A). */
function listeningInode(port: number): string {
	const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
	for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
		const f = line.trim().split(/\s+/);
		if (f[1] === local && f[3] === '0A') return f[9]!;
	}
	throw new Error(`nada escucha en ${local}`);
}

/** The app's child processes that run the descriptor helper (server/handle-echo.js). */
const helpers = () =>
	readFileSync(`/proc/${server.process.pid}/task/${server.process.pid}/children`, 'utf8')
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.filter((child) => {
			try {
				return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('handle-echo');
			} catch {
				return false; // ended meanwhile
			}
		});

describe('accepting connections', () => {
	it('listens on 64 descriptors of one socket, keeping the long accept queue', () => {
		const pid = server.process.pid!;
		const port = Number(new URL(server.url).port);
		const socket = `socket:[${listeningInode(port)}]`;
		const descriptors = readdirSync(`/proc/${pid}/fd`).filter((fd) => {
			try {
				return readlinkSync(`/proc/${pid}/fd/${fd}`) === socket;
			} catch {
				return false; // closed meanwhile
			}
		});
		expect(descriptors).toHaveLength(64);
		// Each copy is listened on again: the queue must still be the app's 4,096 (capped by the
		// kernel), not Node's default 511, or a burst's SYNs are dropped and retried after 1 s.
		const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
		const ss = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' });
		expect(Number(ss.trim().split(/\s+/)[2])).toBe(Math.min(4096, somaxconn));
	});

	it('leaves no helper process behind', () => {
		expect(helpers()).toEqual([]);
	});

	it('answers connections that arrive together, whichever descriptor takes them', async () => {
		const answers = await Promise.all(
			Array.from({ length: 150 }, async () => {
				const res = await fetch(`${server.url}/api/salud`, { headers: { connection: 'close' } });
				await res.arrayBuffer();
				return res.status;
			})
		);
		expect(answers).toEqual(answers.map(() => 200));
	});
});
