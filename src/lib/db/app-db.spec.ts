import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDb, APP_DB_NAME } from './app-db';
import { getAppDb } from './index';

describe('AppDb', () => {
	let db: AppDb;
	let count = 0;

	beforeEach(() => {
		db = new AppDb(`app-db-test-${++count}`);
	});

	afterEach(async () => {
		await db.delete();
	});

	it('is named "ventanilla" by default', () => {
		expect(APP_DB_NAME).toBe('ventanilla');
		expect(new AppDb().name).toBe('ventanilla');
	});

	it('opens at the latest version with every table and its primary key', async () => {
		await db.open();
		expect(db.verno).toBe(6);
		expect(db.tables.map((t) => [t.name, t.schema.primKey.keyPath]).sort()).toEqual([
			['actions', 'clientId'],
			['drafts', 'id'],
			['meta', 'key'],
			['outbox', 'id'],
			['requests', 'radicado'],
			['respuestas', 'id'],
			['search', 'key'],
			['searchParts', 'key']
		]);
	});

	it('stores arbitrary values in meta by key', async () => {
		await db.meta.put({ key: 'lastSync', value: { at: '2026-04-01', ok: true } });
		expect(await db.meta.get('lastSync')).toEqual({
			key: 'lastSync',
			value: { at: '2026-04-01', ok: true }
		});
	});
});

describe('getAppDb', () => {
	it('creates the database once and returns the same instance afterwards', () => {
		const first = getAppDb();
		expect(first).toBeInstanceOf(AppDb);
		expect(getAppDb()).toBe(first);
		expect(first.name).toBe(APP_DB_NAME);
		expect(first.isOpen()).toBe(false);
	});
});

/**
 * Every schema the app has shipped, as it was declared then: a device may still hold any of
 * them, and opening it with today's `AppDb` must keep every row.
 */
const HISTORY: Array<Record<string, string>> = [
	{ meta: 'key', search: 'key' },
	{
		drafts: 'id, form, updatedAt',
		outbox: 'id, state, nextAttemptAt',
		requests: 'radicado, &id, receivedAt'
	},
	{ actions: 'clientId, radicado, state' },
	{ respuestas: 'id, consulta, state, nextAttemptAt' },
	{ actions: 'clientId, radicado, state, nextAttemptAt' }
];

/** A database at `version` as the app of that time created it, with one row per table. */
async function shippedAt(name: string, version: number): Promise<void> {
	const old = new Dexie(name);
	HISTORY.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
	await old.open();
	await old.table('meta').put({ key: 'kiosco', value: { id: 'k1' } });
	if (version >= 2) {
		await old
			.table('drafts')
			.put({ id: 'd1', form: 'queja', updatedAt: 1, values: { asunto: 'x' } });
		await old
			.table('outbox')
			.put({ id: 'o1', state: 'pendiente', nextAttemptAt: 5, queuedAt: 4, attempts: 0 });
		await old
			.table('requests')
			.put({ radicado: 'PG-2026-000001', id: 'r1', receivedAt: 'x', pin: '123456' });
	}
	if (version >= 3) {
		await old.table('actions').put({
			clientId: 'a1',
			radicado: 'PG-2026-000001',
			at: '2026-11-24T10:00:00.000Z',
			event: { kind: 'nota', text: 'revisado' },
			state: 'pendiente',
			attempts: 2,
			// v5 queued actions with their retry time and queue order.
			...(version >= 5
				? { nextAttemptAt: 0, queuedAt: Date.parse('2026-11-24T10:00:00.000Z') }
				: {})
		});
	}
	if (version >= 4) {
		await old
			.table('respuestas')
			.put({ id: 'q1', consulta: 'c', state: 'pendiente', nextAttemptAt: 0, queuedAt: 0 });
	}
	await old.table('search').put({ key: 'content', format: 1, parts: [] });
	old.close();
}

describe('AppDb upgrades', () => {
	it.each([1, 2, 3, 4, 5])(
		'opens a database shipped at version %i and keeps every row',
		async (version) => {
			const name = `app-db-upgrade-${version}`;
			await shippedAt(name, version);
			const db = new AppDb(name);
			await db.open();
			try {
				expect(db.verno).toBe(6);
				expect(await db.meta.get('kiosco')).toEqual({ key: 'kiosco', value: { id: 'k1' } });
				expect(await db.drafts.count()).toBe(version >= 2 ? 1 : 0);
				expect(await db.outbox.count()).toBe(version >= 2 ? 1 : 0);
				expect((await db.requests.get('PG-2026-000001'))?.pin).toBe(
					version >= 2 ? '123456' : undefined
				);
				expect(await db.respuestas.count()).toBe(version >= 4 ? 1 : 0);
				if (version >= 3) {
					// v5: an action queued before the engine is due at once, in the official's order.
					expect(await db.actions.get('a1')).toMatchObject({
						attempts: 2,
						nextAttemptAt: 0,
						queuedAt: Date.parse('2026-11-24T10:00:00.000Z')
					});
					expect(await db.actions.where('nextAttemptAt').belowOrEqual(Date.now()).count()).toBe(1);
				}
			} finally {
				await db.delete();
			}
		}
	);
});
