/**
 * Personal data published by mistake and then removed by an editor stays out of reach: the
 * sync gate serves only the current revision of a document (no `rev`, no `revs_info`;
 * `open_revs` and `_bulk_get` answer an old revision as missing), the store is compacted after
 * publishing so the old body is gone from disk too, and a publisher can remove the old version from the
 * back-office history with a recorded reason. Runs on a server of its own over a store in this
 * process, so the test can look at the store itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore } from '../../server/store.js';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { BackOffice } from '../helpers/backoffice-client';
import { staff } from './backoffice-fixtures';

const ADMIN = { username: 'admin.datos', password: 'clave-datos-personales-1' };
const PII = 'CC 1098765432 de María Pérez, tel 3001112233';
const dataDir = mkdtempSync(path.join(tmpdir(), 'ventanilla-purga-'));
let store: Awaited<ReturnType<typeof startEmbeddedStore>>;
let server: RunningServer;
let editor: BackOffice;
/** A request straight to the store, with its credentials (what an attacker cannot do). */
let couch: (p: string, init?: RequestInit) => Promise<Response>;

beforeAll(async () => {
	store = await startEmbeddedStore({ dataDir });
	const url = new URL(store.url);
	const auth = `Basic ${Buffer.from(`${url.username}:${url.password}`).toString('base64')}`;
	couch = (p, init = {}) =>
		fetch(`${url.protocol}//${url.host}/${p}`, {
			...init,
			headers: { authorization: auth, 'content-type': 'application/json', ...init.headers }
		});
	server = await startServer({
		env: {
			COUCHDB_URL: store.url,
			ADMIN_USUARIO: ADMIN.username,
			ADMIN_CLAVE: ADMIN.password,
			LOGIN_ATTEMPTS_PER_MINUTE: '10000'
		}
	});
	const adm = new BackOffice(server.url);
	expect(await adm.signIn(ADMIN.username, ADMIN.password)).toBe(303);
	editor = (await staff('purga', adm)).editor;
});

afterAll(async () => {
	await server?.stop();
	await store?.close();
	rmSync(dataDir, { recursive: true, force: true });
});

const gate = (p: string, init?: RequestInit) =>
	fetch(`${server.url}/api/sync/contenido/${p}`, init);
const slug = `aviso-${Date.now().toString(36)}`;
const id = `noticia:${slug}`;
const editorPath = `/gestion/contenido/noticia/${slug}`;

async function version(): Promise<string> {
	const page = await editor.page(editorPath);
	return /name="version" value="([^"]*)"/.exec(page.html)?.[1] ?? '';
}

async function publish(body: string) {
	const fields = {
		slug,
		title: 'Entrega de subsidios',
		summary: 'Lista de beneficiarios del subsidio.',
		responsible: 'secretaria-de-gobierno',
		reviewBy: '',
		body,
		datos: `kind: aviso\ndate: ${new Date().toISOString().slice(0, 10)}\n`
	};
	const first = (await editor.page(editorPath)).status === 404;
	const saved = first
		? await editor.action('/gestion/contenido/noticia/nuevo', fields)
		: await editor.action(`${editorPath}?/guardar`, { ...fields, version: await version() });
	expect(saved.type, JSON.stringify(saved.data)).toBe('redirect');
	const done = await editor.action(`${editorPath}?/publicar`, { version: await version() });
	expect(done.type, JSON.stringify(done.data)).toBe('redirect');
	return ((await (await couch(`contenido/${encodeURIComponent(id)}`)).json()) as { _rev: string })
		._rev;
}

/** Polls `check` for up to 10 s; asserts it became true. */
async function until(check: () => Promise<boolean>, what: string) {
	let ok = false;
	for (let i = 0; i < 100 && !ok; i++) {
		ok = await check();
		if (!ok) await new Promise((r) => setTimeout(r, 100));
	}
	expect(ok, what).toBe(true);
}

describe('personal data removed from published content', () => {
	let withData = '';
	let corrected = '';

	beforeAll(async () => {
		withData = await publish(`Beneficiario: ${PII}.`);
		corrected = await publish('Los beneficiarios fueron notificados personalmente.');
		expect(corrected).not.toBe(withData);
	});

	it('the gate serves the current revision only, whatever revision parameter is asked', async () => {
		const current = await (await gate(encodeURIComponent(id))).text();
		expect(current).not.toContain('1098765432');
		for (const query of [
			`rev=${withData}`,
			'revs_info=true',
			'conflicts=true',
			'deleted_conflicts=true',
			'meta=true',
			'local_seq=true'
		]) {
			const res = await gate(`${encodeURIComponent(id)}?${query}`);
			const text = await res.text();
			expect(res.status, query).toBe(400);
			expect(text, query).not.toContain('1098765432');
		}
		// `open_revs` (how PouchDB fetches once `_bulk_get` failed) answers the current revision
		// only: an earlier one is "missing", as if compacted away, or with `latest` the current
		// revision (the newest, as CouchDB answers `latest`).
		const openRevs = async (value: string, latest = false) => {
			const res = await gate(
				`${encodeURIComponent(id)}?revs=true&latest=${latest}&open_revs=${encodeURIComponent(value)}`
			);
			const text = await res.text();
			expect(res.status, value).toBe(200);
			expect(text, value).not.toContain('1098765432');
			return JSON.parse(text) as unknown[];
		};
		expect(await openRevs(JSON.stringify([withData, corrected]))).toEqual([
			{ missing: withData },
			{ ok: expect.objectContaining({ _rev: corrected }) }
		]);
		expect(await openRevs(JSON.stringify([withData]), true)).toEqual([
			{ ok: expect.objectContaining({ _rev: corrected }) }
		]);
		expect(await openRevs('all')).toEqual([{ ok: expect.objectContaining({ _rev: corrected }) }]);
		expect((await gate(`${encodeURIComponent(id)}?open_revs=[1,2]`)).status).toBe(400);
		const bulk = await gate('_bulk_get?revs=true', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ docs: [{ id, rev: withData }, { id, rev: corrected }, { id }] })
		});
		expect(bulk.status).toBe(200);
		const text = await bulk.text();
		expect(text).not.toContain('1098765432');
		const results = (
			JSON.parse(text) as { results: Array<{ docs: Array<Record<string, unknown>> }> }
		).results;
		expect(results[0]!.docs[0]).toMatchObject({ error: { error: 'not_found', rev: withData } });
		expect(results[1]!.docs[0]).toMatchObject({ ok: { _rev: corrected } });
		expect(results[2]!.docs[0]).toMatchObject({ ok: { _rev: corrected } });
		// A pull asks `latest`: a revision replaced since it read the changes feed (an edit during
		// the pull) comes as the current one, with its history, so the pull stores the newer state
		// instead of failing ("There was a problem getting docs.").
		const pulled = await gate('_bulk_get?revs=true&latest=true', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ docs: [{ id, rev: withData }] })
		});
		const pulledText = await pulled.text();
		expect(pulledText).not.toContain('1098765432');
		const [answer] = (
			JSON.parse(pulledText) as {
				results: Array<{ docs: Array<{ ok: { _rev: string; _revisions: { ids: string[] } } }> }>;
			}
		).results[0]!.docs;
		expect(answer!.ok._rev).toBe(corrected);
		expect(answer!.ok._revisions.ids).toContain(withData.split('-')[1]);
	});

	it('publishing compacts the store: the old body is gone from disk', async () => {
		await until(async () => {
			const res = await couch(`contenido/${encodeURIComponent(id)}?rev=${withData}`);
			const body = await res.text();
			return res.status === 404 && !body.includes('1098765432');
		}, 'compactar contenido');
	});

	it('a publisher removes the old version from the history, with who, when and why', async () => {
		const page = await editor.page(editorPath);
		const ids = [...page.html.matchAll(/data-revision="([^"]+)"/g)].map((m) => m[1]!);
		expect(ids).toHaveLength(2);
		const [latest, old] = ids as [string, string];
		const oldDoc = (await (await couch(`gestion/${encodeURIComponent(old)}`)).json()) as {
			_rev: string;
			input: { body: string };
		};
		expect(oldDoc.input.body).toContain('1098765432');

		// The current version stays: a corrected one must be published first.
		const refused = await editor.action(`${editorPath}?/purgar`, {
			revision: latest,
			motivo: 'Contiene datos personales de un beneficiario.'
		});
		expect(refused.data?.refusal).toBe('estado_invalido');
		const short = await editor.action(`${editorPath}?/purgar`, { revision: old, motivo: 'x' });
		expect(short.data?.refusal).toBe('falta_motivo');

		const done = await editor.action(`${editorPath}?/purgar`, {
			revision: old,
			motivo: 'Contiene datos personales de un beneficiario.'
		});
		expect(done.type, JSON.stringify(done.data)).toBe('redirect');
		const after = (await (await couch(`gestion/${encodeURIComponent(old)}`)).json()) as {
			input: Record<string, unknown>;
			purged: { by: { username: string }; reason: string; at: string };
		};
		expect(after.input).toEqual({});
		expect(after.purged).toMatchObject({
			by: { username: 'editor.purga' },
			reason: 'Contiene datos personales de un beneficiario.'
		});
		const history = await editor.page(editorPath);
		expect(history.html).toContain('Retirada');
		expect(history.html).toContain('Contiene datos personales de un beneficiario.');
		expect((await editor.page(`${editorPath}?ver=${encodeURIComponent(old)}`)).html).not.toContain(
			'1098765432'
		);
		// The revision document's earlier body leaves the disk too.
		await until(async () => {
			const res = await couch(`gestion/${encodeURIComponent(old)}?rev=${oldDoc._rev}`);
			return res.status === 404 && !(await res.text()).includes('1098765432');
		}, 'compactar gestion');
	});
});

describe('answers replayed outside SvelteKit (gate-fast-path.ts)', () => {
	const pull = {
		changes: () => gate('_changes?style=all_docs&since=0&limit=1000'),
		bulkGet: () =>
			gate('_bulk_get?revs=true&latest=true', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ docs: [{ id }] })
			})
	};
	/** The revision of the test's document in a `_changes` or `_bulk_get` answer. */
	const revisionIn = async (res: Response) => {
		const { results } = (await res.json()) as {
			results: Array<{
				id: string;
				changes?: Array<{ rev: string }>;
				docs?: Array<{ ok?: { _rev: string } }>;
			}>;
		};
		const row = results.find((r) => r.id === id);
		return row?.changes?.[0]?.rev ?? row?.docs?.[0]?.ok?._rev;
	};

	it('never outlive a publication: the next pull gets the new revision within the second', async () => {
		const before = await publish('Los beneficiarios fueron notificados en la alcaldía.');
		await pull.changes();
		await pull.bulkGet();
		const [changes, bulk] = [await pull.changes(), await pull.bulkGet()];
		expect(changes.headers.get('x-ventanilla-cache')).toBe('hit');
		expect(bulk.headers.get('x-ventanilla-cache')).toBe('hit');
		expect(await revisionIn(changes)).toBe(before);
		expect(await revisionIn(bulk)).toBe(before);

		const after = await publish('Los beneficiarios fueron notificados por escrito.');
		const published = Date.now();
		await until(
			async () =>
				(await revisionIn(await pull.changes())) === after &&
				(await revisionIn(await pull.bulkGet())) === after,
			'la nueva revisión en la sincronización'
		);
		// The content sequence is trusted for one second (response-cache.ts).
		expect(Date.now() - published).toBeLessThan(2500);
	});
});
