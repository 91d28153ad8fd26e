/**
 * Long polls on the public sync gate (`_changes?feed=longpoll`): answered by the gate itself,
 * never held open on the store; bounded by `timeout` (at most 30 s); ended as soon as the client
 * hangs up; at most 4 at once per address (and 256 in all) per app process, the rest refused 429
 * in CouchDB's shape with Retry-After; never a 500.
 */
import { describe, expect, inject, it } from 'vitest';
import { defaultWorkers } from '../../src/lib/server/config.js';

const base = inject('baseUrl');
/**
 * App processes of the test server (the default start with the embedded store). The caps guard
 * each process's sockets, so they apply per process; connections are dealt to processes in turn.
 */
const WORKERS = defaultWorkers(undefined);
const poll = (query: string, signal?: AbortSignal) =>
	fetch(`${base}/api/sync/contenido/_changes?feed=longpoll&${query}`, { signal });

describe('long polls on the sync gate', () => {
	it('answers at once when there are changes, and within its timeout when there are none', async () => {
		const now = await poll('since=0&limit=5');
		expect(now.status).toBe(200);
		expect(((await now.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);

		const started = Date.now();
		const idle = await poll('since=now&timeout=1500');
		const waited = Date.now() - started;
		expect(idle.status).toBe(200);
		expect(await idle.json()).toMatchObject({ results: [] });
		expect(waited).toBeGreaterThanOrEqual(1400);
		expect(waited).toBeLessThan(6000);
	});

	it('refuses a timeout over 30 s', async () => {
		const res = await poll('since=now&timeout=300000');
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ code: 'consulta_invalida' });
	});

	it('frees the slots of clients that hang up, and refuses a fifth at once per address', async () => {
		// Twenty clients that hang up after 300 ms: four per process are admitted, the rest
		// refused at once.
		const answers = await Promise.all(
			Array.from({ length: 20 }, async () => {
				try {
					const res = await poll('since=now&timeout=30000', AbortSignal.timeout(300));
					const body = (await res.json()) as { code?: string; reason?: string };
					return { status: res.status, retry: res.headers.get('retry-after'), body };
				} catch {
					return { status: 0, retry: null, body: {} };
				}
			})
		);
		const refused = answers.filter((a) => a.status === 429);
		expect(refused).toHaveLength(20 - 4 * WORKERS);
		expect(refused[0]).toMatchObject({
			retry: '10',
			body: { code: 'demasiados_intentos', reason: expect.stringMatching(/intentos/) }
		});
		expect(answers.filter((a) => a.status === 0)).toHaveLength(4 * WORKERS);

		// The hung-up ones no longer hold their slots: four new long polls are admitted.
		await new Promise((r) => setTimeout(r, 300));
		const again = await Promise.all(
			Array.from({ length: 4 }, () => poll('since=now&timeout=500').then((r) => r.status))
		);
		expect(again).toEqual([200, 200, 200, 200]);
	});
});
