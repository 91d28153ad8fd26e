import { afterEach, describe, expect, it } from 'vitest';
import { AppDb, type DraftRow, type PlainOutboxRow } from '$lib/db';
import type { Submission } from '$lib/schemas';
import { unseal } from '$lib/server/kiosk/unseal';
import { enqueueSealed } from '$lib/outbox/outbox';
import { DEVICE_KEY, deviceKey, enqueueAnswer } from '$lib/participation/answer-queue';
import { keyIdOf, RSA_PARAMS, sealSubmission, toBase64 } from '../crypto/seal';
import { KIOSK_KEY_META, KIOSK_META, isPublicCacheEntry, resetKioskDevice } from './reset';

const NAME = 'Rosalba Quinchoa Jamioy';
const PIN = '731904';
const RADICADO = 'PG-2026-000042';
const ORIGIN = 'http://kiosco.test';

/** A Storage over a Map (localStorage / sessionStorage). */
class MemoryStorage implements Storage {
	#m = new Map<string, string>();
	get length() {
		return this.#m.size;
	}
	clear() {
		this.#m.clear();
	}
	getItem(k: string) {
		return this.#m.get(k) ?? null;
	}
	key(i: number) {
		return [...this.#m.keys()][i] ?? null;
	}
	removeItem(k: string) {
		this.#m.delete(k);
	}
	setItem(k: string, v: string) {
		this.#m.set(k, v);
	}
	keys() {
		return [...this.#m.keys()];
	}
}

/** Enough of Cache Storage for the reset: named caches of URL → body. */
class MemoryCaches {
	stores = new Map<string, Map<string, string>>();
	async keys() {
		return [...this.stores.keys()];
	}
	async delete(name: string) {
		return this.stores.delete(name);
	}
	async open(name: string) {
		const store = this.stores.get(name) ?? new Map<string, string>();
		this.stores.set(name, store);
		return {
			keys: async () => [...store.keys()].map((u) => new Request(u)),
			delete: async (r: Request) => store.delete(r.url)
		};
	}
	put(name: string, path: string, body: string) {
		const store = this.stores.get(name) ?? new Map<string, string>();
		store.set(`${ORIGIN}${path}`, body);
		this.stores.set(name, store);
	}
}

let n = 0;
const dbs: AppDb[] = [];
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

async function keyPair() {
	const pair = await crypto.subtle.generateKey(
		{ ...RSA_PARAMS, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
		true,
		['wrapKey', 'unwrapKey']
	);
	const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
	const kid = await keyIdOf(spki);
	return { pub: { kid, spki: toBase64(spki) }, priv: { kid, privateKey: pair.privateKey } };
}

const submission = (id: string): Submission => ({
	id,
	form: 'queja',
	capturedAt: '2026-11-24T10:00:00.000Z',
	anonymous: false,
	applicant: { name: NAME, documentType: 'CC', documentNumber: '1122334455' },
	values: { asunto: 'Alumbrado del parque' },
	attachments: [],
	pin: PIN
});

const ID = {
	sealed: '11111111-1111-4111-8111-111111111111',
	rejected: '22222222-2222-4222-8222-222222222222',
	plain: '33333333-3333-4333-8333-333333333333',
	draft: '44444444-4444-4444-8444-444444444444'
};

/** A kiosk after a citizen's session: everything a session can leave, and what must stay. */
async function usedKiosk() {
	const db = new AppDb(`reset-test-${n++}`);
	dbs.push(db);
	const { pub, priv } = await keyPair();
	await db.meta.bulkPut([
		{
			key: KIOSK_META,
			value: { kioskId: ID.sealed, name: 'Kiosco 1', idleSeconds: 90, countdownSeconds: 30 }
		},
		{ key: KIOSK_KEY_META, value: pub },
		{ key: 'oficial', value: { username: 'ana', name: NAME } }
	]);
	await db.search.put({
		key: 'contenido',
		index: {} as never,
		builtAt: '2026-11-24T00:00:00Z',
		sourceSeq: 7,
		docCount: 120
	});
	await db.searchParts.put({ key: 'contenido/p1/0', index: '{}' });
	const draft: DraftRow = {
		id: ID.draft,
		form: 'queja',
		formTitle: 'Presentar una queja',
		updatedAt: 1,
		anonymous: false,
		applicant: { name: NAME },
		values: { asunto: 'A medio escribir' },
		consent: true,
		attachments: []
	};
	await db.drafts.put(draft);
	await enqueueSealed(db, 'none', await sealSubmission(submission(ID.sealed), pub));
	await enqueueSealed(db, 'none', await sealSubmission(submission(ID.rejected), pub));
	await db.outbox.update(ID.rejected, { state: 'rechazada', lastError: 'conflicto_id' });
	const plain: PlainOutboxRow = {
		id: ID.plain,
		submission: submission(ID.plain),
		formTitle: 'Presentar una queja',
		provisionalCode: 'PEND-33333333',
		state: 'pendiente',
		attempts: 2,
		nextAttemptAt: 5,
		queuedAt: 4
	};
	await db.outbox.put(plain);
	await db.requests.put({
		radicado: RADICADO,
		id: '55555555-5555-4555-8555-555555555555',
		pin: PIN,
		formTitle: 'Presentar una queja',
		capturedAt: '2026-11-24T10:00:00.000Z',
		receivedAt: '2026-11-24T10:00:01.000Z',
		deadline: null,
		status: 'radicada',
		events: [],
		checkedAt: null
	});
	await db.actions.put({
		clientId: 'a1',
		radicado: RADICADO,
		at: '2026-11-24T10:00:00.000Z',
		event: { kind: 'nota', text: NAME },
		state: 'pendiente',
		attempts: 0,
		nextAttemptAt: 0,
		queuedAt: 0
	});

	const local = new MemoryStorage();
	local.setItem('ventanilla.paquete', JSON.stringify({ syncedAt: 'x', docCount: 120 }));
	local.setItem('ventanilla.kiosco', '1');
	local.setItem('ventanilla.solicitudes', '1');
	local.setItem('otra-cosa', NAME);
	const session = new MemoryStorage();
	session.setItem('ventanilla.kiosco.recibo', JSON.stringify({ pin: PIN }));

	const caches = new MemoryCaches();
	caches.put('workbox-precache-v2-http://kiosco.test/', '/app-shell', '<html>shell</html>');
	caches.put('codigo-despues', '/_app/immutable/nodes/9.js', 'export {}');
	caches.put('paginas', '/', '<html>inicio</html>');
	caches.put('paginas', '/tramites', '<html>trámites</html>');
	caches.put('paginas', `/seguimiento?radicado=${RADICADO}`, `<input value="${RADICADO}">`);
	caches.put('paginas', '/mis-solicitudes', '<html></html>');
	caches.put('paginas', '/formularios/queja?borrador=x', '<html></html>');
	caches.put('paginas', '/buscar?q=rosalba', '<html>rosalba</html>');
	caches.put('api-contenido', '/api/contenido/tramite/x', '{}');
	caches.put('api-contenido', '/api/buscar?q=rosalba', '[]');
	caches.put('desconocida', '/algo', NAME);

	// Workbox's expiry records: URL and time of each cached entry.
	await new Promise<void>((resolve, reject) => {
		const open = indexedDB.open('workbox-expiration', 1);
		open.onupgradeneeded = () => {
			const store = open.result.createObjectStore('cache-entries', { keyPath: 'id' });
			store.createIndex('cacheName', 'cacheName');
		};
		open.onsuccess = () => {
			const tx = open.result.transaction('cache-entries', 'readwrite');
			for (const [cacheName, path] of [
				['paginas', '/'],
				['paginas', `/seguimiento?radicado=${RADICADO}`]
			] as const) {
				const url = `${ORIGIN}${path}`;
				tx.objectStore('cache-entries').put({
					id: `${cacheName}|${url}`,
					cacheName,
					url,
					timestamp: 1
				});
			}
			tx.oncomplete = () => (open.result.close(), resolve());
			tx.onerror = () => reject(tx.error);
		};
	});
	// An official's replica left on the device.
	await new Promise<void>((resolve) => {
		const open = indexedDB.open('_pouch_ventanilla-trabajo-ana', 1);
		open.onupgradeneeded = () => open.result.createObjectStore('docs');
		open.onsuccess = () => (open.result.close(), resolve());
	});

	return { db, priv, local, session, caches };
}

async function expiryUrls(): Promise<string[]> {
	return new Promise((resolve) => {
		const open = indexedDB.open('workbox-expiration');
		open.onsuccess = () => {
			const req = open.result.transaction('cache-entries').objectStore('cache-entries').getAll();
			req.onsuccess = () => {
				open.result.close();
				resolve((req.result as Array<{ url: string }>).map((e) => e.url));
			};
		};
	});
}

describe('kiosk reset', () => {
	it('removes every trace of the citizen and keeps public content, enrollment and sealed requests', async () => {
		const { db, priv, local, session, caches } = await usedKiosk();
		const report = await resetKioskDevice({
			db,
			localStorage: local,
			sessionStorage: session,
			caches: caches as unknown as CacheStorage,
			indexedDB
		});

		// Dexie: drafts, filed requests (radicado + PIN) and actions are gone.
		expect(await db.drafts.count()).toBe(0);
		expect(await db.requests.count()).toBe(0);
		expect(await db.actions.count()).toBe(0);
		expect((await db.meta.toArray()).map((r) => r.key).sort()).toEqual(
			[KIOSK_META, KIOSK_KEY_META].sort()
		);
		expect(await db.search.count()).toBe(1);
		expect(await db.searchParts.count()).toBe(1);

		// The outbox keeps the pending sealed request, seals the plain one, drops the refused one.
		const outbox = await db.outbox.toArray();
		expect(outbox.map((r) => r.id).sort()).toEqual([ID.sealed, ID.plain].sort());
		expect(outbox.every((r) => r.sealed && !r.submission && !r.formTitle)).toBe(true);
		expect(report).toMatchObject({ sealedKept: 1, sealedNow: 1, dropped: 1 });
		const plain = outbox.find((r) => r.id === ID.plain)!;
		expect(plain).toMatchObject({ provisionalCode: 'PEND-33333333', state: 'pendiente' });
		// Still deliverable: the server opens the resealed request to the original submission.
		const opened = await unseal(
			{
				version: '1',
				kid: plain.sealed!.kid,
				key: plain.sealed!.key,
				iv: plain.sealed!.iv,
				id: plain.id,
				data: new Uint8Array(plain.sealed!.data)
			},
			priv
		);
		expect(opened).toEqual({ ok: true, value: submission(ID.plain) });

		// Nothing readable of the citizen is left in the app's database.
		const everything = JSON.stringify(await Promise.all(db.tables.map((t) => t.toArray())));
		expect(everything).not.toContain(NAME);
		expect(everything).not.toContain(PIN);
		expect(everything).not.toContain(RADICADO);

		// Web storage.
		expect(local.keys().sort()).toEqual([
			'ventanilla.kiosco',
			'ventanilla.paquete',
			'ventanilla.solicitudes'
		]);
		expect(local.getItem('otra-cosa')).toBeNull();
		expect(session.length).toBe(0);

		// Caches: the build's code and public pages and content stay; the rest goes.
		const left = Object.fromEntries(
			[...caches.stores].map(([name, store]) => [
				name,
				[...store.keys()].map((u) => u.slice(ORIGIN.length))
			])
		);
		expect(left).toEqual({
			'workbox-precache-v2-http://kiosco.test/': ['/app-shell'],
			'codigo-despues': ['/_app/immutable/nodes/9.js'],
			paginas: ['/', '/tramites'],
			'api-contenido': ['/api/contenido/tramite/x']
		});
		expect(await expiryUrls()).toEqual([`${ORIGIN}/`]);

		// Other databases (an official's replica) are deleted.
		const names = (await indexedDB.databases()).map((d) => d.name);
		expect(names).not.toContain('_pouch_ventanilla-trabajo-ana');
		expect(names).toContain('workbox-expiration');
		expect(report.databasesDeleted).toContain('_pouch_ventanilla-trabajo-ana');
	});

	it("keeps a consulta answer still waiting, under its own device key, and forgets the device's key", async () => {
		const db = new AppDb(`reset-respuestas-${crypto.randomUUID()}`);
		const waiting = await enqueueAnswer(db, {
			consulta: 'prioridades',
			consultaTitle: 'Prioridades',
			answers: { prioridad: 'puentes' }
		});
		const sent = await enqueueAnswer(db, {
			consulta: 'canales',
			consultaTitle: 'Canales',
			answers: { canal: 'radio' }
		});
		await db.respuestas.update(sent.id, { state: 'confirmada', answers: {} });
		const local = new MemoryStorage();
		const report = await resetKioskDevice({ db, localStorage: local });

		const left = await db.respuestas.toArray();
		expect(left.map((r) => r.id)).toEqual([waiting.id]);
		expect(left[0]?.deviceKey).toBe(waiting.deviceKey);
		expect(report.answersKept).toBe(1);
		expect(local.getItem('ventanilla.respuestas')).toBe('1');
		// The next person is a new device: their key differs from the one kept with the answer.
		expect(await db.meta.get(DEVICE_KEY)).toBeUndefined();
		expect(await deviceKey(db)).not.toBe(waiting.deviceKey);
	});

	it('treats only public pages and content as keepable cache entries', () => {
		const u = (p: string) => new URL(`${ORIGIN}${p}`);
		expect(isPublicCacheEntry('paginas', u('/tramites/licencia'))).toBe(true);
		expect(isPublicCacheEntry('paginas', u('/seguimiento'))).toBe(false);
		expect(isPublicCacheEntry('paginas', u('/kiosco/recibo'))).toBe(false);
		expect(isPublicCacheEntry('paginas', u('/noticias?pagina=2'))).toBe(false);
		expect(isPublicCacheEntry('api-contenido', u('/api/buscar?q=x'))).toBe(false);
		expect(isPublicCacheEntry('otra', u('/'))).toBe(false);
	});
});
