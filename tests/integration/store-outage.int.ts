/**
 * A store outage as an operator meets it: two app servers on one store that runs in a process
 * of its own (as Apache CouchDB would); the store is killed (SIGKILL) while devices file
 * requests, then started again on the same data, port and secret. Every server recovers by
 * itself, without a restart: health answers 503 in Spanish while the store is down and 200 once
 * it is back, pages and the sync gate answer again, and every request a device sent (retrying
 * 5xx and lost connections like the outbox) is filed exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { startClusterConflictProxy } from '../helpers/cluster-conflict-proxy.js';
import { startExternalStore, type ExternalStore } from '../helpers/external-store';

/** The first administrator of this file's own servers (it runs without the shared one). */
const adminEnv = { ADMIN_USUARIO: 'admin.caidas', ADMIN_CLAVE: 'clave-de-caidas-0001' };
let store: ExternalStore;
let storeUrl = '';
let servers: RunningServer[] = [];

beforeAll(async () => {
	store = await startExternalStore();
	storeUrl = store.url;
	const env = { COUCHDB_URL: storeUrl, ...adminEnv };
	// Together: the store's initialisation is create-if-missing or compare-and-set throughout,
	// so servers starting at once on an empty store agree on one seed.
	servers = await Promise.all([startServer({ env }), startServer({ env })]);
}, 180_000);

afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	await store?.remove();
});

interface Health {
	ok?: boolean;
	error?: { code: string; message: string; detail?: unknown };
}
const health = async (url: string) => {
	const res = await fetch(`${url}/api/salud`);
	return { status: res.status, body: (await res.json()) as Health };
};

const submission = () => ({
	id: crypto.randomUUID(),
	form: 'peticion-general',
	capturedAt: new Date().toISOString(),
	anonymous: true,
	values: { asunto: 'Caída del almacén', descripcion: 'Enviada mientras el almacén se cae.' },
	pin: '482913'
});

/**
 * A device's outbox for one request: sends until the server files it (201) or recognises it
 * (200), waiting a moment after a 5xx or a lost connection; alternates servers, as a balancer.
 */
async function deliver(body: ReturnType<typeof submission>, deadline: number) {
	for (let attempt = 0; Date.now() < deadline; attempt++) {
		const url = servers[attempt % servers.length]!.url;
		try {
			const res = await fetch(`${url}/api/solicitudes`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(15_000)
			});
			const answer = (await res.json()) as { radicado?: string };
			if (res.status === 200 || res.status === 201) return answer.radicado!;
			if (res.status < 500) throw new Error(`Rechazada: ${res.status} ${JSON.stringify(answer)}`);
		} catch (e) {
			if ((e as Error).message.startsWith('Rechazada')) throw e;
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('No se radicó a tiempo');
}

describe('a store outage', () => {
	it('every server recovers by itself, and every request sent meanwhile is filed once', async () => {
		for (const s of servers) expect((await health(s.url)).status).toBe(200);
		const bodies = Array.from({ length: 24 }, submission);
		const deadline = Date.now() + 90_000;
		// Devices keep sending while the store dies: some before, some during, some after.
		const delivered = bodies.map(async (body, i) => {
			await new Promise((r) => setTimeout(r, i * 60));
			return deliver(body, deadline);
		});
		await new Promise((r) => setTimeout(r, 400));
		await store.kill();

		// Down: both servers say so (Spanish, with what failed) and pages fail fast, not hang.
		for (const s of servers) {
			const down = await health(s.url);
			expect(down.status).toBe(503);
			expect(down.body.error).toMatchObject({
				code: 'almacen_no_disponible',
				message: expect.stringMatching(/almacén/i),
				detail: { failed: 'lectura' }
			});
			const page = await fetch(`${s.url}/tramites`, { signal: AbortSignal.timeout(10_000) });
			await page.arrayBuffer();
			expect(page.status).toBeGreaterThanOrEqual(500);
		}
		await new Promise((r) => setTimeout(r, 1500));

		const restarted = Date.now();
		await store.start();
		const recovered = await Promise.all(
			servers.map(async (s) => {
				while ((await health(s.url)).status !== 200) {
					if (Date.now() - restarted > 30_000) throw new Error('Sin recuperación en 30 s');
					await new Promise((r) => setTimeout(r, 100));
				}
				return Date.now() - restarted;
			})
		);
		console.info(`recuperación tras reiniciar el almacén: ${recovered.join(' ms, ')} ms`);

		const radicados = await Promise.all(delivered);
		// Exactly once: one radicado per request, and as many requests in the store.
		expect(new Set(radicados).size).toBe(bodies.length);
		for (const s of servers) {
			for (const path of ['/tramites', '/api/sync/contenido/_changes?limit=1']) {
				const res = await fetch(`${s.url}${path}`);
				await res.arrayBuffer();
				expect(res.status, path).toBe(200);
			}
		}
		const all = await store.fetch(
			`solicitudes/_all_docs?startkey=%22solicitud%3A%22&endkey=%22solicitud%3A%EF%BF%B0%22`
		);
		const rows = ((await all.json()) as { rows: unknown[] }).rows;
		expect(rows).toHaveLength(bodies.length);
		// Consecutive: a claim whose request write failed in the outage was reused by the retry.
		const numbers = radicados.map((r) => Number(r.slice(-6))).sort((a, b) => a - b);
		expect(numbers).toEqual(numbers.map((_, i) => i + 1));
		expect(await claimedNumbers()).toEqual(numbers);
	}, 150_000);
});

async function claimedNumbers(): Promise<number[]> {
	const year = new Date().getFullYear();
	const q = new URLSearchParams({
		startkey: JSON.stringify(`radicado:PG-${year - 1}`),
		endkey: JSON.stringify(`radicado:PG-${year + 1}`)
	});
	const res = await store.fetch(`solicitudes/_all_docs?${q}`);
	const rows = ((await res.json()) as { rows: Array<{ id: string }> }).rows;
	return rows.map((r) => Number(r.id.slice(-6))).sort((a, b) => a - b);
}

/**
 * Claims written straight into the store, each with its attempt document (an attempt whose
 * request write failed, or another server's claim): all the allocator reads. One request.
 */
async function claimDirectly(claims: Array<{ requestId: string; number: number }>, series: string) {
	const at = new Date().toISOString();
	const docs = claims.flatMap(({ requestId, number }) => {
		const radicado = `${series}-${String(number).padStart(6, '0')}`;
		return [
			{ _id: `intento:${requestId}`, type: 'intento', solicitud: requestId, at },
			{
				_id: `radicado:${radicado}`,
				type: 'radicado',
				radicado,
				series,
				number,
				solicitud: requestId,
				at
			}
		];
	});
	if (!docs.length) return [];
	const res = await store.fetch('solicitudes/_bulk_docs', {
		method: 'POST',
		body: JSON.stringify({ docs })
	});
	expect(res.status).toBe(201);
	const results = (await res.json()) as Array<{ ok?: boolean }>;
	expect(results.filter((r) => !r.ok)).toEqual([]);
	return docs.flatMap((d) => ('radicado' in d ? [d.radicado] : []));
}

/** The numbers `from`…`to`, each for a request of its own. */
const numbersFor = (from: number, to: number) =>
	Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => ({
		requestId: crypto.randomUUID(),
		number: from + i
	}));

describe('radicados across two servers', () => {
	it('a retry reuses the number its failed attempt claimed, however many were claimed since', async () => {
		for (const distance of [1, 19, 20, 50, 500]) {
			const claims = await claimedNumbers();
			const last = claims.at(-1)!;
			const series = (await claimSeries(last))!;
			const retried = submission();
			const [own] = await claimDirectly([{ requestId: retried.id, number: last + 1 }], series);
			// Later numbers: the first ones filed through both servers, the rest claimed by other
			// servers (written straight into the store, which is all the allocator reads).
			const filed = Math.min(distance, 20);
			for (let i = 0; i < filed; i++) await deliver(submission(), Date.now() + 30_000);
			await claimDirectly(numbersFor(last + 2 + filed, last + 1 + distance), series);
			expect(await deliver(retried, Date.now() + 30_000), `distance ${distance}`).toBe(own);
			// A duplicate copy sent to the other server gets the same receipt.
			const copy = await fetch(`${servers[1]!.url}/api/solicitudes`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(retried)
			});
			expect(copy.status).toBe(200);
			expect(((await copy.json()) as { radicado: string }).radicado).toBe(own);
			const after = await claimedNumbers();
			expect(after.at(-1), `no new number for the retry at distance ${distance}`).toBe(
				last + 1 + distance
			);
		}
	}, 120_000);
});

describe('radicados on a CouchDB cluster that accepts conflicting creates', () => {
	it('a claim accepted without quorum as a conflict is never a second request’s number', async () => {
		const proxies = [
			await startClusterConflictProxy(storeUrl),
			await startClusterConflictProxy(storeUrl)
		];
		const env = (i: number) => ({ COUCHDB_URL: proxies[i]!.url, ...adminEnv });
		const cluster = await Promise.all([startServer({ env: env(0) }), startServer({ env: env(1) })]);
		try {
			const radicados: string[] = [];
			// Both servers start from the same end of the series, so their claims collide; every
			// collision is answered 202 + conflict instead of 409. Bursts until some did.
			for (let burst = 0; burst < 5 && proxies.every((p) => p.simulated() === 0); burst++) {
				const sent = Array.from({ length: 30 }, async (_, i) => {
					const body = submission();
					const res = await fetch(`${cluster[i % 2]!.url}/api/solicitudes`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(body)
					});
					expect(res.status).toBe(201);
					return ((await res.json()) as { radicado: string }).radicado;
				});
				radicados.push(...(await Promise.all(sent)));
			}
			const simulated = proxies.reduce((sum, p) => sum + p.simulated(), 0);
			expect(simulated).toBeGreaterThan(0);
			expect(new Set(radicados).size).toBe(radicados.length);
		} finally {
			await Promise.all(cluster.map((s) => s.stop()));
			await Promise.all(proxies.map((p) => p.close()));
		}
	}, 120_000);
});

async function claimSeries(number: number): Promise<string | undefined> {
	const res = await store.fetch(
		`solicitudes/_all_docs?${new URLSearchParams({ startkey: '"radicado:"', endkey: '"radicado:\ufff0"' })}`
	);
	const rows = ((await res.json()) as { rows: Array<{ id: string }> }).rows;
	const id = rows.map((r) => r.id).find((i) => Number(i.slice(-6)) === number);
	return id?.slice('radicado:'.length, -7);
}
