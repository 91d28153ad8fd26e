import { afterEach, describe, expect, it } from 'vitest';
import { AppDb, type DraftRow } from '$lib/db';
import { isStorageFull, listDrafts, restoreDraft, saveDraft } from './drafts';

let n = 0;
const dbs: AppDb[] = [];
function freshDb() {
	const db = new AppDb(`drafts-test-${n++}`);
	dbs.push(db);
	return db;
}
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

const draft = (id: string, updatedAt: number, over: Partial<DraftRow> = {}): DraftRow => ({
	id,
	form: 'queja',
	formTitle: 'Presentar una queja',
	updatedAt,
	anonymous: false,
	applicant: {},
	values: { asunto: id },
	consent: false,
	attachments: [],
	...over
});

describe('drafts', () => {
	it("restores the form's latest draft, or the one asked for", async () => {
		const db = freshDb();
		await saveDraft(db, draft('old', 1));
		await saveDraft(db, draft('new', 2));
		expect((await restoreDraft(db, 'queja', { fieldMode: false }))?.id).toBe('new');
		expect((await restoreDraft(db, 'queja', { wanted: 'old', fieldMode: false }))?.id).toBe('old');
		expect(await restoreDraft(db, 'peticion-general', { fieldMode: false })).toBeNull();
		expect((await listDrafts(db)).map((d) => d.id)).toEqual(['new', 'old']);
	});

	it('never turns a citizen’s draft into a field capture, nor the other way round', async () => {
		const db = freshDb();
		await saveDraft(db, draft('citizen', 1));
		await saveDraft(db, draft('capture', 2, { fieldCapture: true }));
		expect((await restoreDraft(db, 'queja', { fieldMode: false }))?.id).toBe('citizen');
		expect((await restoreDraft(db, 'queja', { fieldMode: true }))?.id).toBe('capture');
		expect(await restoreDraft(db, 'queja', { wanted: 'capture', fieldMode: false })).toBeNull();
	});

	it('drops, instead of offering, a draft whose request is already queued', async () => {
		const db = freshDb();
		await saveDraft(db, draft('queued', 1));
		await db.outbox.add({
			id: 'queued',
			submission: {} as never,
			formTitle: 'x',
			provisionalCode: 'PEND-X',
			state: 'pendiente',
			attempts: 0,
			nextAttemptAt: 0,
			queuedAt: 0
		});
		expect(await restoreDraft(db, 'queja', { fieldMode: false })).toBeNull();
		expect(await db.drafts.count()).toBe(0);
	});

	it('recognises a full disk however Dexie wraps it', () => {
		const quota = Object.assign(new Error('x'), { name: 'QuotaExceededError' });
		expect(isStorageFull(quota)).toBe(true);
		expect(isStorageFull(Object.assign(new Error('y'), { inner: quota }))).toBe(true);
		expect(isStorageFull(new Error('z'))).toBe(false);
	});
});
