import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueue, postJson, type QueuedRow } from './queue';

interface Row extends QueuedRow {
	id: string;
}

let n = 0;
const dbs: Dexie[] = [];
function table(): Table<Row, string> {
	const db = new Dexie(`queue-test-${n++}`);
	db.version(1).stores({ rows: 'id, state, nextAttemptAt' });
	dbs.push(db);
	return db.table('rows');
}
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

const row = (id: string, queuedAt: number, over: Partial<Row> = {}): Row => ({
	id,
	state: 'pendiente',
	attempts: 0,
	nextAttemptAt: 0,
	queuedAt,
	...over
});

/** A queue whose server answers with `answer(id)`; confirmed rows are deleted. */
function queueOn(rows: Table<Row, string>, answer: (id: string) => Response | 'offline') {
	const sent: string[] = [];
	const queue = createQueue({
		lock: 'prueba',
		table: rows,
		keyOf: (r: Row) => r.id,
		send: (r, fetchFn) => postJson(fetchFn, `/x/${r.id}`, {}, (b) => (b ? r.id : null)),
		onConfirmed: async (r) => void (await rows.delete(r.id))
	});
	const fetchFn = (async (url: string) => {
		const id = String(url).split('/').pop()!;
		sent.push(id);
		const a = answer(id);
		if (a === 'offline') throw new TypeError('Failed to fetch');
		return a;
	}) as unknown as typeof fetch;
	return { queue, sent, run: (now = 1000) => queue.run(fetchFn, () => now) };
}

const json = (status: number, body: object = {}) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the queue engine', () => {
	it('sends due rows oldest first and keeps only what the server did not confirm', async () => {
		const rows = table();
		await rows.bulkAdd([row('b', 2), row('a', 1), row('later', 0, { nextAttemptAt: 5000 })]);
		const { sent, run } = queueOn(rows, () => json(201, { ok: true }));
		const report = await run();
		expect(sent).toEqual(['a', 'b']);
		expect(report.confirmed.map((c) => c.value)).toEqual(['a', 'b']);
		expect(report).toMatchObject({ pending: 1, rejected: 0, offline: false });
	});

	it('stops the run when the network fails, leaving every row waiting', async () => {
		const rows = table();
		await rows.bulkAdd([row('a', 1), row('b', 2)]);
		const { sent, run } = queueOn(rows, () => 'offline');
		const report = await run();
		expect(sent).toEqual(['a']);
		expect(report).toMatchObject({ offline: true, pending: 2 });
		expect(await rows.get('a')).toMatchObject({ attempts: 1, lastError: 'sin_conexion' });
		expect((await rows.get('b'))?.attempts).toBe(0);
	});

	it('stops at an expired session: the rest wait for the official to sign in again', async () => {
		const rows = table();
		await rows.bulkAdd([row('a', 1), row('b', 2)]);
		const { sent, run } = queueOn(rows, () => json(401, { error: { code: 'sesion_requerida' } }));
		const report = await run();
		expect(sent).toEqual(['a']);
		expect(report.needsSignIn).toBe(true);
		expect(await rows.get('a')).toMatchObject({
			state: 'pendiente',
			lastError: 'sesion_requerida'
		});
	});

	it('keeps a refused row with the server’s code and goes on with the next', async () => {
		const rows = table();
		await rows.bulkAdd([row('a', 1), row('b', 2)]);
		const { sent, run } = queueOn(rows, (id) =>
			id === 'a' ? json(409, { error: { code: 'ya_prorrogada' } }) : json(201, { ok: true })
		);
		const report = await run();
		expect(sent).toEqual(['a', 'b']);
		expect(await rows.get('a')).toMatchObject({ state: 'rechazada', lastError: 'ya_prorrogada' });
		expect(report).toMatchObject({ pending: 0, rejected: 1 });
	});

	it('retries an answer that is not a confirmation instead of counting it as one', async () => {
		const rows = table();
		await rows.add(row('a', 1));
		const { run } = queueOn(rows, () => new Response('not json', { status: 200 }));
		await run();
		expect(await rows.get('a')).toMatchObject({ state: 'pendiente', attempts: 1 });
	});

	it('sends again a row a dead run left "enviando", and makes waiting rows due on demand', async () => {
		const rows = table();
		await rows.bulkAdd([
			row('dead', 1, { state: 'enviando' }),
			row('later', 2, { nextAttemptAt: 9e12 })
		]);
		const { queue, sent, run } = queueOn(rows, () => json(201, { ok: true }));
		await run();
		expect(sent).toEqual(['dead']);
		expect(await queue.nextDue()).toBe(9e12);
		await queue.makeAllDue(1000);
		await run();
		expect(sent).toEqual(['dead', 'later']);
		expect(await queue.nextDue()).toBeNull();
	});
});
