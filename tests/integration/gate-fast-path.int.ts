/**
 * The content gate's repeated answers are replayed in front of SvelteKit (gate-fast-path.ts):
 * byte for byte what the gate answered, to the same request only, with the headers every answer
 * carries; what it cannot replay still reaches the gate. (That a publication ends a replay is
 * checked in personal-data-removal.int.ts, on a server of its own.)
 */
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const gate = (p: string, init?: RequestInit) =>
	fetch(`${base}/api/sync/contenido/${p}`, {
		...init,
		headers: { 'accept-encoding': 'br', ...init?.headers }
	});
const bulkGet = (docs: unknown[], init: RequestInit = {}) =>
	gate('_bulk_get?revs=true&latest=true', {
		method: 'POST',
		body: JSON.stringify({ docs }),
		...init,
		headers: { 'content-type': 'application/json', ...init.headers }
	});

/** Status, the headers that matter and the raw (still compressed) bytes. */
async function raw(res: Response) {
	const headers = Object.fromEntries(
		[
			'content-type',
			'content-encoding',
			'cache-control',
			'vary',
			'x-content-type-options',
			'x-frame-options',
			'referrer-policy'
		].map((h) => [h, res.headers.get(h)])
	);
	return { status: res.status, headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const idsIn = async (res: Response) =>
	((await res.json()) as { results: Array<{ id: string }> }).results.map((r) => r.id);

describe('the content gate replays its repeated answers in front of SvelteKit', () => {
	it('answers the same _changes again with the same bytes and headers', async () => {
		const path = `_changes?style=all_docs&since=0&limit=7`;
		const first = await gate(path);
		const again = await gate(path);
		expect(again.headers.get('x-ventanilla-cache')).toBe('hit');
		const [a, b] = [await raw(first), await raw(again)];
		expect(b).toEqual(a);
		expect(a.headers).toMatchObject({
			'content-encoding': 'br',
			'cache-control': 'no-store',
			vary: 'accept-encoding',
			'x-content-type-options': 'nosniff',
			'x-frame-options': 'DENY'
		});
	});

	it('answers each _bulk_get body with its own documents, also when replayed', async () => {
		const ids = (await idsIn(await gate('_changes?since=0&limit=10'))).slice(0, 4);
		expect(ids).toHaveLength(4);
		const [one, two] = [ids.slice(0, 2), ids.slice(2)];
		for (const round of [1, 2]) {
			const a = await bulkGet(one.map((id) => ({ id })));
			const b = await bulkGet(two.map((id) => ({ id })));
			if (round === 2) expect(a.headers.get('x-ventanilla-cache')).toBe('hit');
			expect(await idsIn(a)).toEqual(one);
			expect(await idsIn(b)).toEqual(two);
		}
		// The encoding is part of the request: gzip is never answered with Brotli bytes.
		const gzip = await bulkGet(
			one.map((id) => ({ id })),
			{ headers: { 'accept-encoding': 'gzip' } }
		);
		expect(gzip.headers.get('content-encoding')).toBe('gzip');
		expect(await idsIn(gzip)).toEqual(one);
	});

	it('gives the database info from the shared sequence', async () => {
		const res = await gate('');
		expect(res.status).toBe(200);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await res.json()).toEqual({ db_name: 'contenido', update_seq: expect.anything() });
	});

	it('leaves to the gate what it cannot replay: bad bodies and queries get their codes', async () => {
		const badJson = await bulkGet([], { body: '{"docs": [' });
		expect(badJson.status).toBe(400);
		expect(await badJson.json()).toMatchObject({ code: 'consulta_invalida' });
		const unknownId = await bulkGet([{ id: '_design/contenido' }]);
		expect(unknownId.status).toBe(400);
		const badQuery = await gate('_changes?since=0&include_docs=true');
		expect(badQuery.status).toBe(400);
		expect(await badQuery.json()).toMatchObject({ code: 'consulta_invalida' });
		// A body sent in chunks, without a declared length, is read by the gate itself.
		const chunked = await bulkGet([], {
			body: new Blob([JSON.stringify({ docs: [] })]).stream(),
			duplex: 'half'
		} as RequestInit);
		expect(chunked.status).toBe(200);
		expect(await chunked.json()).toEqual({ results: [] });
	});
});
