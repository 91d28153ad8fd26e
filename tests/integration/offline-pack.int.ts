/**
 * The offline pack by segments (#16) on a server of its own whose store the test writes to
 * directly, as an editor's publication reaches it: a new device stores the segments (essentials
 * first) and replicates from the pack's sequence, ending with exactly the store's public
 * content; a correction rebuilds only the segment that held the document and the old file is
 * served no more; a pull cut halfway resumes without fetching stored segments again and still
 * ends right when the plan changed meanwhile; the device's search index is built segment by
 * segment as they arrive and ends equal to a rebuild.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { startExternalStore, type ExternalStore } from '../helpers/external-store';
import { memoryDb, PouchDB } from '../helpers/node-pouch';
import { applyPack } from '$lib/sync/pack-apply';
import { isEssentialId } from '$lib/content/essentials';
import { packManifestSchema, type PackManifest } from '$lib/schemas/pack';
import { contentDocSchema } from '$lib/schemas/content';
import { AppDb } from '$lib/db/app-db';
import { SearchIndex } from '$lib/search/search-index';
import { toSearchDoc } from '$lib/search/search-doc';
import { loadSearchIndex } from '$lib/search/search-store';
import { IncrementalSearchIndex } from '$lib/sync/incremental-search-index';

let store: ExternalStore;
let server: RunningServer;

beforeAll(async () => {
	store = await startExternalStore();
	// No pause between rebuilds: each change is packed as soon as a manifest is asked.
	server = await startServer({ env: { COUCHDB_URL: store.url, PACK_REFRESH_SECONDS: '0' } });
}, 180_000);

afterAll(async () => {
	await server?.stop();
	await store?.remove();
});

const manifestUrl = () => `${server.url}/api/sync/paquete`;
const gate = () => `${server.url}/api/sync/contenido`;

async function manifest(): Promise<PackManifest> {
	const res = await fetch(manifestUrl());
	expect(res.status).toBe(200);
	expect(res.headers.get('cache-control')).toBe('no-store');
	return packManifestSchema.parse(await res.json());
}

/** The manifest once its plan is newer than `than` (a refresh runs behind the request). */
async function manifestAfter(than: string | null): Promise<PackManifest> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const m = await manifest();
		if (m.segments.length && m.seq !== than) return m;
		if (Date.now() > deadline) throw new Error(`no new plan after ${than}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** Every document's id and revision: what two replicas must share. */
async function revisions(db: PouchDB.Database): Promise<Record<string, string>> {
	const rows = (await db.allDocs()).rows;
	return Object.fromEntries(rows.map((r) => [r.id, r.value.rev]));
}

async function plainReplica(): Promise<PouchDB.Database> {
	const db = memoryDb();
	const result = await PouchDB.replicate(gate(), db, { batch_size: 1000 });
	expect(result.ok).toBe(true);
	return db;
}

async function pullWithPack(
	local: PouchDB.Database,
	get: typeof fetch = fetch,
	onEssentials: () => void = () => {}
) {
	const since = await applyPack(local, { manifestUrl: manifestUrl(), fetch: get, onEssentials });
	expect(since).not.toBeNull();
	const result = await PouchDB.replicate(gate(), local, { since: since!, batch_size: 1000 });
	expect(result.ok).toBe(true);
	return result;
}

async function storeDoc(id: string): Promise<Record<string, unknown> & { _rev: string }> {
	const res = await store.fetch(`contenido/${encodeURIComponent(id)}`);
	expect(res.status).toBe(200);
	return (await res.json()) as Record<string, unknown> & { _rev: string };
}

async function storeWrite(doc: Record<string, unknown>) {
	const res = await store.fetch(`contenido/${encodeURIComponent(String(doc._id))}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(doc)
	});
	expect(res.status, await res.clone().text()).toBe(201);
}

describe('offline pack by segments', () => {
	it('gives a new device the essentials first, then everything, and the same replica as a replication', async () => {
		const m = await manifestAfter(null);
		const firstRest = m.segments.findIndex((s) => !s.essentials);
		expect(firstRest).toBeGreaterThan(0);
		expect(m.segments.slice(firstRest).every((s) => !s.essentials)).toBe(true);

		const local = memoryDb();
		let idsAtEssentials: string[] = [];
		const requests: string[] = [];
		const counting: typeof fetch = (url, init) => {
			requests.push(String(url).replace(server.url, ''));
			return fetch(url, init);
		};
		await pullWithPack(local, counting, () => {
			void local.allDocs().then((r) => (idsAtEssentials = r.rows.map((x) => x.id)));
		});
		// one manifest, one request per segment
		expect(requests).toEqual(['/api/sync/paquete', ...m.segments.map((s) => s.href)]);

		const plain = await plainReplica();
		expect(await revisions(local)).toEqual(await revisions(plain));
		const essentials = Object.keys(await revisions(plain)).filter(isEssentialId);
		expect(idsAtEssentials.sort()).toEqual(essentials.sort());
		// What devices get through the gate: no Markdown source, nothing of the attachments.
		const docs = (await local.allDocs({ include_docs: true })).rows.map((r) => r.doc!);
		expect(docs.filter((d) => 'body' in d || '_attachments' in d)).toEqual([]);
		// The next pull goes on from the checkpoint: nothing to bring.
		const again = await PouchDB.replicate(gate(), local, { batch_size: 1000 });
		expect(again.docs_written).toBe(0);
	});

	it('has the device index each segment for offline search as it arrives, ending equal to a rebuild', async () => {
		const m = await manifestAfter(null);
		const local = memoryDb();
		const appDb = new AppDb(`offline-pack-search-${Date.now()}`);
		const search = new IncrementalSearchIndex(local, appDb);
		const indexed: Array<Promise<void>> = [];
		const since = await applyPack(local, {
			manifestUrl: manifestUrl(),
			onSegment: ({ text, docs }) => {
				expect(JSON.parse(text)).toEqual({ docs });
				indexed.push(search.addSegment(docs));
			}
		});
		expect(indexed).toHaveLength(m.segments.length);
		const pulled = await PouchDB.replicate(gate(), local, { since: since!, batch_size: 1000 });
		const docCount = await search.finish(pulled.last_seq);

		const rows = (await local.allDocs({ include_docs: true })).rows;
		expect(docCount).toBe(rows.length);
		const rebuilt = SearchIndex.build(
			rows.flatMap((r) => {
				const doc = contentDocSchema.safeParse(r.doc);
				const entry = doc.success ? toSearchDoc(doc.data) : null;
				return entry ? [entry] : [];
			})
		);
		expect(rebuilt.size).toBeGreaterThan(100);
		expect((await loadSearchIndex(appDb))?.index.toJSON()).toEqual(rebuilt.toJSON());
		await appDb.delete();
	});

	it('serves a segment compressed once, immutable, in Brotli, gzip or plain JSON', async () => {
		const [segment] = (await manifestAfter(null)).segments;
		const url = `${server.url}${segment!.href}`;
		const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const { docs } = (await plain.json()) as { docs: Array<{ _id: string }> };
		expect(docs.length).toBe(segment!.docs);
		for (const encoding of ['br', 'gzip']) {
			const res = await fetch(url, { headers: { 'accept-encoding': encoding } });
			expect(res.headers.get('content-encoding')).toBe(encoding);
			expect(((await res.json()) as { docs: unknown[] }).docs).toEqual(docs);
		}
		for (const name of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'no-es-un-segmento', '..%2Fplan']) {
			const res = await fetch(`${manifestUrl()}/${name}`);
			expect(res.status).toBe(404);
			expect(((await res.json()) as { error: { code: string } }).error.code).toBe('no_encontrado');
		}
	});

	it('rebuilds only the segment a correction touched and serves the replaced file no more', async () => {
		const before = await manifestAfter(null);
		const rest = before.segments.filter((s) => !s.essentials);
		const target = rest[rest.length - 1]!;
		const restDocs = (await (await fetch(`${server.url}${target.href}`)).json()) as {
			docs: Array<{ _id: string }>;
		};
		const id = restDocs.docs[0]!._id;
		const doc = await storeDoc(id);
		await storeWrite({ ...doc, title: 'Título corregido por la editora' });

		const after = await manifestAfter(before.seq);
		const untouched = before.segments.filter((s) => s.hash !== target.hash).map((s) => s.hash);
		expect(after.segments.map((s) => s.hash)).toEqual(expect.arrayContaining(untouched));
		expect(after.segments.map((s) => s.hash)).not.toContain(target.hash);
		expect((await fetch(`${server.url}${target.href}`)).status).toBe(404);
		const rebuilt = after.segments.find((s) => !untouched.includes(s.hash))!;
		const text = await (await fetch(`${server.url}${rebuilt.href}`)).text();
		expect(text).toContain('Título corregido por la editora');
	});

	/** A first pull cut while it fetched the first segment that is not an essential one. */
	async function cutPull(local: PouchDB.Database, m: PackManifest) {
		const lost = m.segments.find((s) => !s.essentials)!.href;
		const cut: typeof fetch = (url, init) =>
			String(url).endsWith(lost) ? Promise.reject(new TypeError('fetch failed')) : fetch(url, init);
		await expect(applyPack(local, { manifestUrl: manifestUrl(), fetch: cut })).rejects.toThrow();
		const stored = Object.keys(await revisions(local));
		expect(stored.every(isEssentialId)).toBe(true);
		return stored;
	}

	async function resume(local: PouchDB.Database): Promise<string[]> {
		const fetched: string[] = [];
		await pullWithPack(local, (url, init) => {
			fetched.push(String(url).replace(server.url, ''));
			return fetch(url, init);
		});
		expect(await revisions(local)).toEqual(await revisions(await plainReplica()));
		return fetched;
	}

	it('resumes a cut pull without fetching the segments it stored again', async () => {
		const before = await manifestAfter(null);
		const local = memoryDb();
		await cutPull(local, before);
		// Meanwhile an editor corrects a news item: only its segment changes.
		const news = (await plainReplica().then((db) => db.allDocs())).rows.find((r) =>
			r.id.startsWith('noticia:')
		)!.id;
		await storeWrite({ ...(await storeDoc(news)), title: 'Noticia corregida' });
		const after = await manifestAfter(before.seq);
		const essentials = after.segments.filter((s) => s.essentials);
		expect(essentials.map((s) => s.hash)).toEqual(
			before.segments.filter((s) => s.essentials).map((s) => s.hash)
		);
		const fetched = await resume(local);
		for (const s of essentials) expect(fetched).not.toContain(s.href);
		expect(fetched).toContain(after.segments.find((s) => !s.essentials)!.href);
	});

	it('ends without a document removed after the device stored the segment that held it', async () => {
		const before = await manifestAfter(null);
		const local = memoryDb();
		const stored = await cutPull(local, before);
		const removed = stored.find((id) => id.startsWith('pagina:'))!;
		await storeWrite({ _id: removed, _rev: (await storeDoc(removed))._rev, _deleted: true });
		const after = await manifestAfter(before.seq);
		// The essentials' segment was built again without it; the device's copy still holds it.
		expect(after.segments[0]!.hash).not.toBe(before.segments[0]!.hash);
		await resume(local);
		expect((await revisions(local))[removed]).toBeUndefined();
	});
});
