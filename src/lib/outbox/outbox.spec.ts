import { afterEach, describe, expect, it } from 'vitest';
import { AppDb, type DraftRow } from '$lib/db';
import type { Submission } from '$lib/schemas';
import { enqueue, flushOutbox, makeAllDue } from './outbox';

let n = 0;
const dbs: AppDb[] = [];
function freshDb() {
	const db = new AppDb(`outbox-test-${n++}`);
	dbs.push(db);
	return db;
}
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

const id = '3f2a9c1b-1111-4222-8333-444455556666';
const draft: DraftRow = {
	id,
	form: 'queja',
	formTitle: 'Presentar una queja',
	updatedAt: 0,
	anonymous: true,
	applicant: {},
	values: { asunto: 'Alumbrado' },
	consent: false,
	attachments: []
};
const submission: Submission = {
	id,
	form: 'queja',
	capturedAt: '2026-11-24T10:00:00.000Z',
	anonymous: true,
	values: { asunto: 'Alumbrado' },
	attachments: [],
	pin: '123456'
};

const respond = (status: number, body: object) => async () =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const filedBody = {
	id,
	radicado: 'PG-2026-000007',
	receivedAt: '2026-11-24T15:00:00.000Z',
	deadline: null
};
const offline = async () => {
	throw new TypeError('Failed to fetch');
};

describe('outbox', () => {
	it('moves a draft into the outbox atomically with a provisional code', async () => {
		const db = freshDb();
		await db.drafts.put(draft);
		const row = await enqueue(db, draft, submission, 1000);
		expect(row.provisionalCode).toBe('PEND-3F2A9C1B');
		expect(await db.drafts.count()).toBe(0);
		expect(await db.outbox.get(id)).toMatchObject({ state: 'pendiente', attempts: 0 });
	});

	it('keeps the item and schedules a retry when there is no connection', async () => {
		const db = freshDb();
		await enqueue(db, draft, submission, 1000);
		const result = await flushOutbox(db, offline as typeof fetch, () => 2000);
		expect(result).toMatchObject({ filed: [], pending: 1, rejected: 0 });
		const row = await db.outbox.get(id);
		expect(row).toMatchObject({ state: 'pendiente', attempts: 1, lastError: 'sin_conexion' });
		expect(row!.nextAttemptAt).toBeGreaterThan(2000);
		// not due yet: a second flush sends nothing
		let calls = 0;
		await flushOutbox(db, (async () => (calls++, new Response())) as typeof fetch, () => 2001);
		expect(calls).toBe(0);
	});

	it('removes the item only when the server files it, and remembers radicado and PIN', async () => {
		const db = freshDb();
		await enqueue(db, draft, submission, 1000);
		const fetchFn = respond(201, {
			id,
			radicado: 'PG-2026-000007',
			receivedAt: '2026-11-24T15:00:00.000Z',
			deadline: {
				receivedDate: '2026-11-24',
				dueDate: '2026-12-16',
				businessDays: 15,
				legalBasis: 'x'
			}
		});
		const result = await flushOutbox(db, fetchFn as typeof fetch, () => 2000);
		expect(result.filed.map((r) => r.radicado)).toEqual(['PG-2026-000007']);
		expect(await db.outbox.count()).toBe(0);
		expect(await db.requests.get('PG-2026-000007')).toMatchObject({
			pin: '123456',
			status: 'radicada'
		});
	});

	it('stops retrying a request the server refuses, keeping it visible with the code', async () => {
		const db = freshDb();
		await enqueue(db, draft, submission, 1000);
		await flushOutbox(
			db,
			respond(409, { error: { code: 'conflicto_id' } }) as typeof fetch,
			() => 2000
		);
		expect(await db.outbox.get(id)).toMatchObject({
			state: 'rechazada',
			lastError: 'conflicto_id'
		});
		await makeAllDue(db, 3000);
		let calls = 0;
		await flushOutbox(db, (async () => (calls++, new Response())) as typeof fetch, () => 4000);
		expect(calls).toBe(0);
	});

	it('sends again, in the next run, an item whose tab died while sending', async () => {
		const db = freshDb();
		await enqueue(db, draft, submission, 1000);
		await db.outbox.update(id, { state: 'enviando' });
		const result = await flushOutbox(db, respond(201, filedBody) as typeof fetch, () => 2000);
		expect(result.filed.map((r) => r.id)).toEqual([id]);
		expect(await db.outbox.get(id)).toBeUndefined();
	});
});
