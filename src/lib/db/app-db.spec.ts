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
		expect(db.verno).toBe(4);
		expect(db.tables.map((t) => [t.name, t.schema.primKey.keyPath]).sort()).toEqual([
			['actions', 'clientId'],
			['drafts', 'id'],
			['meta', 'key'],
			['outbox', 'id'],
			['requests', 'radicado'],
			['respuestas', 'id'],
			['search', 'key']
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
