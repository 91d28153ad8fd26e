import { describe, expect, inject, it } from 'vitest';
import { memoryDb, PouchDB } from '../helpers/node-pouch';
import { ESSENTIALS_FILTER, isEssentialId } from '$lib/content/essentials';
import { withGateId } from '$lib/sync/gate-handle';

const base = inject('baseUrl');
const remote = `${base}/api/sync/contenido`;

async function countingFetch() {
	const calls: string[] = [];
	const fetchFn = (url: string | URL | Request, init?: RequestInit) => {
		calls.push(`${init?.method ?? 'GET'} ${String(url).replace(base, '')}`);
		return fetch(url, init);
	};
	return { calls, fetchFn };
}

describe('read-only content replication through the app server', () => {
	it('replicates every published document and no design document in a few requests', async () => {
		const local = memoryDb();
		const { calls, fetchFn } = await countingFetch();
		const source = new PouchDB(remote, {
			fetch: fetchFn
		} as PouchDB.Configuration.RemoteDatabaseConfiguration);
		const result = await PouchDB.replicate(source, local, {
			batch_size: 1000,
			checkpoint: 'target'
		});
		expect(result.ok).toBe(true);
		const all = await local.allDocs();
		const server = (await (await fetch(`${base}/api/salud`)).json()) as { contentDocs: number };
		expect(all.rows.some((r) => r.id.startsWith('_design/'))).toBe(false);
		// the store also holds the design document
		expect(all.rows.length).toBe(server.contentDocs - 1);
		expect(calls.length).toBeLessThanOrEqual(8);
		// Devices get the rendered HTML, not the Markdown it was rendered from.
		const docs = (await local.allDocs({ include_docs: true })).rows.map((r) => r.doc!);
		expect(docs.filter((d) => 'body' in d).map((d) => d._id)).toEqual([]);
		expect(docs.every((d) => typeof (d as { html?: unknown }).html === 'string')).toBe(true);
		expect(calls.some((c) => c.startsWith('PUT') || c.includes('_bulk_docs'))).toBe(false);
	});

	it('names its checkpoint as PouchDB would, without asking the server for an identity', async () => {
		const { calls, fetchFn } = await countingFetch();
		const options = {
			fetch: fetchFn,
			skip_setup: true
		} as PouchDB.Configuration.RemoteDatabaseConfiguration;
		type WithId = { id(): Promise<string> };
		const asked = await (new PouchDB(remote, options) as unknown as WithId).id();
		expect(calls).toEqual(['GET /api/sync/']);
		const given = await (
			withGateId(new PouchDB(remote, options), remote) as unknown as WithId
		).id();
		expect(given).toBe(asked);
		expect(calls).toEqual(['GET /api/sync/']);
	});

	it('resumes from its checkpoint: a second pull transfers nothing', async () => {
		const local = memoryDb();
		await PouchDB.replicate(remote, local, { batch_size: 1000, checkpoint: 'target' });
		const again = await PouchDB.replicate(remote, local, {
			batch_size: 1000,
			checkpoint: 'target'
		});
		expect(again.docs_written).toBe(0);
	});

	it('brings the essentials first, and the pull of the rest does not fetch them again', async () => {
		const local = memoryDb();
		const options = { batch_size: 1000, checkpoint: 'target' as const };
		// Batches of 7: the gate's answer is cut at the limit and the next batch goes on from there.
		const first = await PouchDB.replicate(remote, local, {
			...options,
			batch_size: 7,
			filter: ESSENTIALS_FILTER
		});
		expect(first.ok).toBe(true);
		const essentials = (await local.allDocs()).rows.map((r) => r.id);
		expect(essentials.every(isEssentialId)).toBe(true);
		expect(essentials).toEqual(
			expect.arrayContaining([
				'sitio:sitio',
				'pagina:canales-de-atencion',
				'formulario:peticion-general'
			])
		);

		const everything = memoryDb();
		await PouchDB.replicate(remote, everything, options);
		const all = (await everything.allDocs()).rows.map((r) => r.id);
		expect(essentials.sort()).toEqual(all.filter(isEssentialId).sort());
		expect(all.length).toBeGreaterThan(essentials.length);

		const rest = await PouchDB.replicate(remote, local, options);
		expect(rest.docs_written).toBe(all.length - essentials.length);
		expect((await local.allDocs()).rows.length).toBe(all.length);
		// Once there, a second essentials pull finds nothing new.
		const again = await PouchDB.replicate(remote, local, { ...options, filter: ESSENTIALS_FILTER });
		expect(again.docs_written).toBe(0);
	});

	it('refuses writes, replication pushes and design documents', async () => {
		const put = await fetch(`${remote}/tramite:falso`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ type: 'tramite', title: 'x' })
		});
		expect(put.status).toBe(405);
		expect(await put.json()).toMatchObject({
			error: 'method_not_allowed',
			code: 'metodo_no_permitido'
		});

		const bulk = await fetch(`${remote}/_bulk_docs`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ docs: [{ _id: 'tramite:falso' }] })
		});
		expect(bulk.status).toBe(403);
		expect(await bulk.json()).toMatchObject({ error: 'forbidden', code: 'solo_lectura' });

		const ddoc = await fetch(`${remote}/_bulk_get`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ docs: [{ id: '_design/validation' }] })
		});
		expect(ddoc.status).toBe(400);

		const local = memoryDb();
		await local.put({ _id: 'tramite:inyectado', type: 'tramite' });
		const pushed = await PouchDB.replicate(local, remote).then(
			() => 'ok',
			(e: { status?: number }) => e.status
		);
		expect(pushed).toBe(403);
		const check = await fetch(`${base}/api/contenido/tramite/inyectado`);
		expect(check.status).toBe(404);
	});

	it('rejects unknown query parameters, oversized and malformed bodies with codes', async () => {
		const feed = await fetch(`${remote}/_changes?feed=continuous`);
		expect(feed.status).toBe(400);
		expect(await feed.json()).toMatchObject({ code: 'consulta_invalida' });
		// Only the essentials' filter exists: no design-document filter of the store runs.
		const filter = await fetch(`${remote}/_changes?filter=validation/todo`);
		expect(filter.status).toBe(400);
		expect(await filter.json()).toMatchObject({ code: 'consulta_invalida' });

		const big = await fetch(`${remote}/_bulk_get`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				docs: Array.from({ length: 40000 }, (_, i) => ({ id: `tramite:x${i}` }))
			})
		});
		expect(big.status).toBe(413);

		const bad = await fetch(`${remote}/_bulk_get`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"docs": ['
		});
		expect(bad.status).toBe(400);
	});

	it('sends replication responses compressed', async () => {
		const res = await fetch(`${remote}/_changes?style=all_docs&limit=1000`, {
			headers: { 'accept-encoding': 'br, gzip' }
		});
		expect(res.headers.get('content-encoding')).toMatch(/br|gzip/);
	});
});
