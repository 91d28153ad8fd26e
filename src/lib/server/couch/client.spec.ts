import { afterEach, describe, expect, it, vi } from 'vitest';
import { CouchClient, CouchError } from './client';

/** `fetch` answering every request with `status` and `body` (JSON). */
function answer(status: number, body: unknown) {
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => new Response(JSON.stringify(body), { status }))
	);
}

const client = new CouchClient('http://user:pass@127.0.0.1:5984');
const docs = [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }];

describe('CouchClient.bulkCreate', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('gives each document its own result even when the store answers in another order', async () => {
		// The embedded store (PouchDB) was seen answering [a, c, b] for [a, b, c] under load.
		answer(201, [
			{ ok: true, id: 'a', rev: '1-a' },
			{ id: 'c', error: 'forbidden', reason: 'no' },
			{ id: 'b', error: 'conflict', reason: 'Document update conflict' }
		]);
		const { quorum, results } = await client.bulkCreate('db', docs);
		expect(quorum).toBe(true);
		expect(results).toEqual([
			{ ok: true, id: 'a', rev: '1-a' },
			{ ok: false, id: 'b', error: 'conflict', reason: 'Document update conflict' },
			{ ok: false, id: 'c', error: 'forbidden', reason: 'no' }
		]);
	});

	it('reports a cluster write without quorum (202)', async () => {
		answer(
			202,
			docs.map((d) => ({ ok: true, id: d._id, rev: '1-x' }))
		);
		expect((await client.bulkCreate('db', docs)).quorum).toBe(false);
	});

	it('throws when the store refuses the whole write or answers something else', async () => {
		answer(500, { error: 'internal', reason: 'disk' });
		await expect(client.bulkCreate('db', docs)).rejects.toBeInstanceOf(CouchError);
		answer(201, [{ ok: true, id: 'a', rev: '1-a' }]);
		await expect(client.bulkCreate('db', docs)).rejects.toBeInstanceOf(CouchError);
	});
});
