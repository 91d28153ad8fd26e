/**
 * Radicados under pressure: concurrent submissions, duplicate retries racing each other, a
 * server restart, and two Node servers sharing one store. Also checks, straight in the store,
 * what a filed request looks like and that the store itself refuses to change it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { startEmbeddedStore } from '../../server/store.js';
import { filedRequests } from '../helpers/as-official';
import { BackOffice } from '../helpers/backoffice-client';

const base = inject('baseUrl');
const admin = { username: inject('adminUser'), password: inject('adminPassword') };
/** A server of this file's own, with the same first administrator as the shared one. */
const adminEnv = { ADMIN_USUARIO: admin.username, ADMIN_CLAVE: admin.password };
const PIN = '264810';

type Json = Record<string, unknown>;

const submission = (over: Json = {}): Json => ({
	id: crypto.randomUUID(),
	form: 'peticion-general',
	capturedAt: new Date().toISOString(),
	anonymous: true,
	values: { asunto: 'Agua potable', descripcion: 'No llega el agua a la vereda desde el lunes.' },
	pin: PIN,
	...over
});

async function file(url: string, body: Json) {
	const res = await fetch(`${url}/api/solicitudes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	return { status: res.status, body: (await res.json()) as Json };
}

async function filed(url: string) {
	const items = await filedRequests(url, admin);
	return { total: items.length, items };
}

const numberOf = (radicado: unknown) => Number(String(radicado).slice(-6));
/** Receipts in radicado order have times that never go back: number and time are one step. */
const inTimeOrder = (results: Array<{ body: Json }>) => {
	const times = results
		.map((r) => ({ n: numberOf(r.body.radicado), at: Date.parse(String(r.body.receivedAt)) }))
		.sort((a, b) => a.n - b.n)
		.map((r) => r.at);
	return times.every((t, i) => Number.isFinite(t) && (i === 0 || t >= (times[i - 1] as number)));
};

const consecutive = (numbers: number[]) => {
	const sorted = [...numbers].sort((a, b) => a - b);
	const first = sorted[0] ?? 0;
	return sorted.every((n, i) => n === first + i);
};

describe('concurrent submissions to one server', () => {
	it('gives 50 simultaneous requests 50 distinct, consecutive radicados', async () => {
		const before = await filed(base);
		const last = Math.max(0, ...before.items.map((i) => numberOf(i.radicado)));
		const started = performance.now();
		const results = await Promise.all(Array.from({ length: 50 }, () => file(base, submission())));
		const ms = performance.now() - started;
		console.log(`50 solicitudes simultáneas: ${ms.toFixed(0)} ms`);
		expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
		const numbers = results.map((r) => numberOf(r.body.radicado));
		expect(new Set(numbers).size).toBe(50);
		expect(consecutive(numbers)).toBe(true);
		expect(inTimeOrder(results)).toBe(true);
		expect(Math.min(...numbers)).toBe(last + 1);
		expect((await filed(base)).total).toBe(before.total + 50);
	});

	it('files one request once when its copies arrive together (outbox retries)', async () => {
		const before = await filed(base);
		const sub = submission();
		const results = await Promise.all(Array.from({ length: 6 }, () => file(base, sub)));
		expect(results.filter((r) => r.status === 201)).toHaveLength(1);
		expect(results.filter((r) => r.status === 200)).toHaveLength(5);
		expect(new Set(results.map((r) => r.body.radicado)).size).toBe(1);
		const after = await filed(base);
		expect(after.total).toBe(before.total + 1);
		// No number was burnt by the losing copies.
		const next = await file(base, submission());
		expect(numberOf(next.body.radicado)).toBe(numberOf(results[0]?.body.radicado) + 1);
	});
});

describe('a server restart', () => {
	let server: RunningServer | undefined;

	afterAll(async () => {
		await server?.stop();
	});

	it('keeps the consecutive and the idempotency of earlier requests', async () => {
		const first = await startServer({ env: adminEnv });
		const subs = [submission(), submission(), submission()];
		const before: string[] = [];
		for (const s of subs) before.push(String((await file(first.url, s)).body.radicado));
		expect(before.map(numberOf)).toEqual([1, 2, 3]);
		await first.stop({ keepData: true });

		server = await startServer({ dataDir: first.dataDir, env: adminEnv });
		const next = await file(server.url, submission());
		expect(next.status).toBe(201);
		expect(numberOf(next.body.radicado)).toBe(4);
		const replay = await file(server.url, subs[0] as Json);
		expect(replay).toMatchObject({ status: 200, body: { radicado: before[0] } });
		expect((await filed(server.url)).total).toBe(4);
	});
});

describe('two Node servers on one store', () => {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'ventanilla-compartido-'));
	let store: Awaited<ReturnType<typeof startEmbeddedStore>>;
	let servers: RunningServer[] = [];
	let couch: (p: string, init?: RequestInit) => Promise<Response>;

	beforeAll(async () => {
		// The store runs in this test process, as Apache CouchDB would run apart from the servers.
		store = await startEmbeddedStore({ dataDir });
		const url = new URL(store.url);
		const auth = `Basic ${Buffer.from(`${url.username}:${url.password}`).toString('base64')}`;
		const root = `${url.protocol}//${url.host}`;
		couch = (p, init = {}) =>
			fetch(`${root}/${p}`, {
				...init,
				headers: { authorization: auth, 'content-type': 'application/json', ...init.headers }
			});
		const env = { COUCHDB_URL: store.url, ...adminEnv };
		// Together: the store's initialisation is create-if-missing or compare-and-set throughout,
		// so servers starting at once on an empty store agree on one seed.
		servers = await Promise.all([startServer({ env }), startServer({ env })]);
	});

	afterAll(async () => {
		await Promise.all(servers.map((s) => s.stop()));
		await store?.close();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('numbers 40 simultaneous requests 1…40 across both, ignoring a counter that runs ahead', async () => {
		const year = new Date(Date.now() - 5 * 3_600_000).getUTCFullYear();
		// A counter edited by hand (or restored from another backup) must not open a gap.
		const put = await couch(`solicitudes/contador:PG-${year}`, {
			method: 'PUT',
			body: JSON.stringify({ type: 'contador', series: `PG-${year}`, last: 900, updatedAt: 'x' })
		});
		expect(put.status).toBe(201);
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				file((servers[i % 2] as RunningServer).url, submission())
			)
		);
		expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
		expect(results.map((r) => numberOf(r.body.radicado)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 40 }, (_, i) => i + 1)
		);
		expect(inTimeOrder(results)).toBe(true);
	});

	it('stores one immutable document per request, attachments inline, PIN only as a hash', async () => {
		const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0, 0x43, 0, 8, 6, 6, 7, 6]);
		const att = {
			id: crypto.randomUUID(),
			name: 'cédula (frente).jpg',
			type: 'image/jpeg',
			size: jpeg.length,
			data: Buffer.from(jpeg).toString('base64')
		};
		const sub = submission({
			attachments: [att],
			capturedAt: '2026-01-15T08:30:00.000-05:00'
		});
		const { status, body } = await file((servers[0] as RunningServer).url, sub);
		expect(status).toBe(201);

		const doc = (await (
			await couch(`solicitudes/solicitud:${sub.id}?attachments=true`)
		).json()) as Json & { _attachments: Record<string, { content_type: string; data: string }> };
		expect(doc).toMatchObject({
			type: 'solicitud',
			id: sub.id,
			radicado: body.radicado,
			capturedAt: '2026-01-15T08:30:00.000-05:00',
			receivedAt: body.receivedAt,
			attachments: [{ id: att.id, name: att.name, type: 'image/jpeg', size: jpeg.length }],
			pinHash: expect.stringMatching(/^scrypt\$/),
			payloadHash: expect.stringMatching(/^[0-9a-f]{64}$/)
		});
		expect(JSON.stringify({ ...doc, _attachments: undefined })).not.toContain(PIN);
		expect(doc._attachments[att.id]).toMatchObject({ content_type: 'image/jpeg', data: att.data });
		const claim = (await (
			await couch(`solicitudes/radicado:${String(body.radicado)}`)
		).json()) as Json;
		expect(claim).toMatchObject({ type: 'radicado', solicitud: sub.id });

		// The store's own validation: requests, claims and events cannot be changed or removed.
		const update = await couch(`solicitudes/solicitud:${sub.id}`, {
			method: 'PUT',
			body: JSON.stringify({ ...doc, _attachments: undefined, radicado: 'PG-2026-000001' })
		});
		expect(update.status).toBe(403);
		const remove = await couch(`solicitudes/solicitud:${sub.id}?rev=${String(doc._rev)}`, {
			method: 'DELETE'
		});
		expect(remove.status).toBe(403);
		const claimAgain = await couch(`solicitudes/radicado:${String(body.radicado)}`, {
			method: 'PUT',
			body: JSON.stringify({ ...claim, _rev: undefined, solicitud: crypto.randomUUID() })
		});
		expect(claimAgain.status).toBe(409);
		const stranger = await couch('solicitudes/usuario:admin', {
			method: 'PUT',
			body: JSON.stringify({ type: 'usuario', roles: ['_admin'] })
		});
		expect(stranger.status).toBe(403);
		const local = await couch('solicitudes/_local/checkpoint', {
			method: 'PUT',
			body: JSON.stringify({ last_seq: 1 })
		});
		expect(local.status).toBe(201);
	});
	it("a password change on one server ends the account's sessions on the other at once", async () => {
		const [a, b] = servers as [RunningServer, RunningServer];
		const onA = new BackOffice(a.url);
		const onB = new BackOffice(b.url);
		expect(await onA.signIn(admin.username, admin.password)).toBe(303);
		expect(await onB.signIn(admin.username, admin.password)).toBe(303);
		const me = (cookie: string | null, url: string) =>
			fetch(`${url}/api/gestion/yo`, { headers: { cookie: cookie ?? '' } }).then((r) => r.status);
		expect(await me(onB.cookie, b.url)).toBe(200);
		const changed = await onA.action('/gestion/cuenta?/clave', {
			actual: admin.password,
			nueva: 'otra-clave-en-dos-servidores',
			repetida: 'otra-clave-en-dos-servidores'
		});
		expect(changed.data?.changed).toBe(true);
		// No cache to wait for: the very next request on the other server is refused.
		expect(await me(onB.cookie, b.url)).toBe(401);
		const kept = onA.cookie;
		expect(await me(kept, a.url)).toBe(200);
		// Signing out on one server ends the session on the other too.
		expect(await me(kept, b.url)).toBe(200);
		await onA.signOut();
		expect(await me(kept, b.url)).toBe(401);
	});
});
