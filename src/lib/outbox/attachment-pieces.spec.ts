import { describe, expect, it } from 'vitest';
import { UPLOAD_PIECE_CHARS } from '$lib/policy';
import type { Submission } from '$lib/schemas';
import { fileWithPieces, uploadProgress } from './attachment-pieces';

const PIECE = UPLOAD_PIECE_CHARS;

/** A server holding pieces like the real one, whose link can drop after `cutAfter` requests. */
function fakeServer({
	cutAfter = Infinity,
	supportsPieces = true,
	losesPieces = false,
	stagingFull = false
} = {}) {
	const pieces = new Map<string, string[]>();
	const log: string[] = [];
	let left = cutAfter;
	const json = (status: number, body: unknown) =>
		new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
	const fetchFn = (async (url: string, init: RequestInit = {}) => {
		const method = init.method ?? 'GET';
		if (left-- <= 0) throw new TypeError('Failed to fetch');
		log.push(`${method} ${url}`);
		const piece = /^\/api\/solicitudes\/adjuntos\/([^/]+)(?:\/(\d+))?$/.exec(url);
		if (piece && !supportsPieces) return json(404, { error: { code: 'no_encontrado' } });
		if (piece && method === 'PUT' && stagingFull) {
			return json(503, { error: { code: 'adjuntos_en_espera_llenos' } });
		}
		if (piece && method === 'PUT') {
			const list = pieces.get(piece[1] as string) ?? [];
			list[Number(piece[2])] = (JSON.parse(String(init.body)) as { data: string }).data;
			pieces.set(piece[1] as string, list);
			return json(200, { received: Number(piece[2]) + 1 });
		}
		if (piece) {
			const list = pieces.get(piece[1] as string) ?? [];
			let received = 0;
			while (list[received] !== undefined) received++;
			return json(200, { received, pieceChars: PIECE });
		}
		if (losesPieces) {
			// Swept while the request was on its way.
			losesPieces = false;
			pieces.clear();
		}
		const body = JSON.parse(String(init.body)) as Submission & {
			attachments: Array<{ id: string; data?: string; uploaded?: true }>;
		};
		for (const a of body.attachments) {
			if (a.uploaded && (pieces.get(a.id) ?? []).join('').length !== expectedChars(a.id)) {
				return json(409, { error: { code: 'adjunto_incompleto' } });
			}
		}
		filed.push(body);
		return json(201, { radicado: 'PG-2026-000001', receivedAt: '2026-12-06T12:00:00.000Z' });
	}) as unknown as typeof fetch;
	const filed: unknown[] = [];
	const expectedChars = (id: string) =>
		submission.attachments.find((a) => a.id === id)?.data.length ?? -1;
	return { fetchFn, log, pieces, filed, reconnect: () => (left = Infinity) };
}

const photo = (chars: number) => '/9j/' + 'A'.repeat(chars - 4);
const submission: Submission = {
	id: '5b0c7c2e-4a51-4d8f-9a0b-1f2e3d4c5b6a',
	form: 'peticion-general',
	capturedAt: '2026-12-06T11:00:00.000Z',
	anonymous: true,
	values: { asunto: 'Puente' },
	pin: '123456',
	attachments: [
		{
			id: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
			name: 'puente.jpg',
			type: 'image/jpeg',
			size: Math.floor((PIECE * 4.5) / 4) * 3,
			data: photo(PIECE * 4.5)
		},
		{
			id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
			name: 'recibo.jpg',
			type: 'image/jpeg',
			size: 300,
			data: photo(400)
		}
	]
};
const [large, small] = submission.attachments as [
	Submission['attachments'][number],
	Submission['attachments'][number]
];
const ok = (body: unknown) => body;
/** The device's record of confirmed pieces, as the outbox row keeps it. */
const memory = () => {
	const sent: Record<string, number> = {};
	return { sent, record: async (id: string, n: number) => (sent[id] = n) };
};

describe('filing with a large photo sent ahead in pieces', () => {
	it('sends the photo in pieces, then the request naming it; a small one stays inline', async () => {
		const server = fakeServer();
		const progress = memory();
		const result = await fileWithPieces(server.fetchFn, submission, progress, ok);
		expect(result.kind).toBe('ok');
		expect(server.log).toEqual([
			...[0, 1, 2, 3, 4].map((n) => `PUT /api/solicitudes/adjuntos/${large.id}/${n}`),
			'POST /api/solicitudes'
		]);
		expect(server.pieces.get(large.id)?.join('')).toBe(large.data);
		expect(progress.sent).toEqual({ [large.id]: 5 });
		expect(server.filed[0]).toMatchObject({
			attachments: [
				{ id: large.id, name: 'puente.jpg', type: 'image/jpeg', size: large.size, uploaded: true },
				small
			]
		});
		expect(JSON.stringify(server.filed[0]).length).toBeLessThan(1000);
	});

	it('sends the request with its photo inline when the server holds all the pieces it may', async () => {
		const server = fakeServer({ stagingFull: true });
		const progress = memory();
		expect((await fileWithPieces(server.fetchFn, submission, progress, ok)).kind).toBe('ok');
		expect(server.log).toEqual([
			`PUT /api/solicitudes/adjuntos/${large.id}/0`,
			'POST /api/solicitudes'
		]);
		expect(server.filed[0]).toMatchObject({ attachments: [large, small] });
		expect(progress.sent).toEqual({});
	});

	it('after a cut, the retry sends only the pieces not confirmed, without asking first', async () => {
		const server = fakeServer({ cutAfter: 4 });
		const progress = memory();
		expect(await fileWithPieces(server.fetchFn, submission, progress, ok)).toEqual({
			kind: 'network'
		});
		expect(progress.sent).toEqual({ [large.id]: 4 });
		server.reconnect();
		server.log.length = 0;

		expect((await fileWithPieces(server.fetchFn, submission, progress, ok)).kind).toBe('ok');
		expect(server.log).toEqual([
			`PUT /api/solicitudes/adjuntos/${large.id}/4`,
			'POST /api/solicitudes'
		]);
		expect(server.pieces.get(large.id)?.join('')).toBe(large.data);
	});

	it('sends the pieces again at once when the server lost them', async () => {
		const server = fakeServer({ losesPieces: true });
		expect((await fileWithPieces(server.fetchFn, submission, memory(), ok)).kind).toBe('ok');
		const puts = (n: number) =>
			Array.from({ length: n }, (_, i) => `PUT /api/solicitudes/adjuntos/${large.id}/${i}`);
		expect(server.log).toEqual([
			...puts(5),
			'POST /api/solicitudes',
			`GET /api/solicitudes/adjuntos/${large.id}`,
			...puts(5),
			'POST /api/solicitudes'
		]);
		expect(server.filed).toHaveLength(1);
	});

	it('sends the request as before, attachments inline, to a server without pieces', async () => {
		const server = fakeServer({ supportsPieces: false });
		expect((await fileWithPieces(server.fetchFn, submission, memory(), ok)).kind).toBe('ok');
		expect(server.filed[0]).toEqual(submission);
	});
});

describe('the upload progress a citizen sees on a queued request', () => {
	it('counts the pieces of large attachments on the server, none before the first', () => {
		expect(uploadProgress(submission)).toBeNull();
		expect(uploadProgress(submission, { [large.id]: 0 })).toBeNull();
		expect(uploadProgress(submission, { [large.id]: 3 })).toEqual({ sent: 3, total: 5 });
		// A small attachment goes inline: it is no piece of the count.
		expect(uploadProgress(submission, { [small.id]: 1, [large.id]: 5 })).toEqual({
			sent: 5,
			total: 5
		});
	});
});
