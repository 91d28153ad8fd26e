/**
 * Attachments sent ahead of their request in pieces (#16: "a cut at 90 % does not send
 * everything again"), against the real server and store.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UPLOAD_PIECE_CHARS } from '$lib/policy';
import { startServer, type RunningServer } from '../helpers/app-server.js';

const base = inject('baseUrl');
type Json = Record<string, unknown>;

/** A photo of `size` bytes: a JPEG signature, then noise (incompressible, like a photo). */
function photo(size: number): Uint8Array {
	const bytes = new Uint8Array(size);
	crypto.getRandomValues(bytes.subarray(0, Math.min(size, 65_536)));
	for (let i = 65_536; i < size; i += 65_536) {
		crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65_536)));
	}
	bytes.set([0xff, 0xd8, 0xff, 0xe0]);
	return bytes;
}

function request(attachments: Json[]): Json {
	return {
		id: crypto.randomUUID(),
		form: 'peticion-general',
		capturedAt: new Date(Date.now() - 60_000).toISOString(),
		anonymous: true,
		values: { asunto: 'Puente caído', descripcion: 'Adjunto foto del puente de la vereda.' },
		pin: '731904',
		attachments
	};
}

const meta = (id: string, bytes: Uint8Array) => ({
	id,
	name: 'puente.jpg',
	type: 'image/jpeg',
	size: bytes.length
});
const piecesOf = (bytes: Uint8Array) => {
	const text = Buffer.from(bytes).toString('base64');
	const out: string[] = [];
	for (let i = 0; i < text.length; i += UPLOAD_PIECE_CHARS) {
		out.push(text.slice(i, i + UPLOAD_PIECE_CHARS));
	}
	return out;
};

async function call(method: string, path: string, body?: unknown, at = base) {
	const res = await fetch(`${at}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}
const putPiece = (id: string, n: number, data: string) =>
	call('PUT', `/api/solicitudes/adjuntos/${id}/${n}`, { data });
const received = async (id: string) =>
	(await call('GET', `/api/solicitudes/adjuntos/${id}`)).body.received;
const file = (body: Json) => call('POST', '/api/solicitudes', body);

describe('attachments sent ahead in pieces', () => {
	it('files the request as if the photo had come inline', async () => {
		const bytes = photo(140_000);
		const id = crypto.randomUUID();
		const pieces = piecesOf(bytes);
		expect(pieces.length).toBe(2);
		for (const [n, data] of pieces.entries()) {
			expect(await putPiece(id, n, data)).toEqual({ status: 200, body: { received: n + 1 } });
		}
		expect(await received(id)).toBe(2);

		const sent = request([{ ...meta(id, bytes), uploaded: true }]);
		const filed = await file(sent);
		expect(filed.status).toBe(201);

		// The same request with the photo inline is the same request: same content, same receipt.
		const inline = request([{ ...meta(id, bytes), data: Buffer.from(bytes).toString('base64') }]);
		const again = await file({ ...inline, id: sent.id, capturedAt: sent.capturedAt });
		expect(again.status).toBe(200);
		expect(again.body.radicado).toBe(filed.body.radicado);

		// Its pieces are gone from the server once it is filed.
		await expect.poll(() => received(id)).toBe(0);
	});

	it('after a cut at 90 %, takes only the missing piece, and a repeat after a lost answer', async () => {
		const bytes = photo(1_200_000);
		const id = crypto.randomUUID();
		const pieces = piecesOf(bytes);
		const last = pieces.length - 1;
		expect(last).toBeGreaterThanOrEqual(9);
		for (const [n, data] of pieces.slice(0, last).entries()) await putPiece(id, n, data);

		const sent = request([{ ...meta(id, bytes), uploaded: true }]);
		const early = await file(sent);
		expect(early.status).toBe(409);
		expect(early.body.error).toMatchObject({
			code: 'adjunto_incompleto',
			detail: { missing: [{ id, received: last, expected: pieces.length }] }
		});
		expect(await received(id)).toBe(last);

		expect((await putPiece(id, last, pieces[last] as string)).status).toBe(200);
		const filed = await file(sent);
		expect(filed.status).toBe(201);
		await expect.poll(() => received(id)).toBe(0);

		// The device never got the answer and files again: the filed request holds the photo.
		const repeat = await file(sent);
		expect(repeat.status).toBe(200);
		expect(repeat.body.radicado).toBe(filed.body.radicado);
	});

	it('takes a piece sent twice once, and refuses other bytes under its number', async () => {
		const bytes = photo(120_000);
		const id = crypto.randomUUID();
		const [first = '', second = ''] = piecesOf(bytes);
		expect(second).not.toBe('');
		expect((await putPiece(id, 0, first)).status).toBe(200);
		expect((await putPiece(id, 0, first)).status).toBe(200);
		const other = await putPiece(id, 0, `AAAA${first.slice(4)}`);
		expect(other.status).toBe(409);
		expect(other.body.error).toMatchObject({ code: 'conflicto_id' });
		await putPiece(id, 1, second);
		expect((await file(request([{ ...meta(id, bytes), uploaded: true }]))).status).toBe(201);
	});

	it.each([
		['text that is not base64', '/0', { data: 'esto no es base64!' }, 400, 'trozo_invalido'],
		[
			'a piece longer than a piece',
			'/0',
			{ data: 'A'.repeat(UPLOAD_PIECE_CHARS + 4) },
			400,
			'trozo_invalido'
		],
		['a length that base64 cannot have', '/0', { data: 'AAAAA' }, 400, 'trozo_invalido'],
		['a piece number past the largest attachment', '/999', { data: 'AAAA' }, 400, 'id_invalido'],
		['a negative piece number', '/-1', { data: 'AAAA' }, 400, 'id_invalido'],
		['extra fields', '/0', { data: 'AAAA', at: 'x' }, 400, 'trozo_invalido']
	])('refuses %s with a code', async (_what, tail, body, status, code) => {
		const id = crypto.randomUUID();
		const res = await call('PUT', `/api/solicitudes/adjuntos/${id}${tail}`, body);
		expect(res.status).toBe(status);
		expect(res.body.error).toMatchObject({ code });
		expect(await received(id)).toBe(0);
	});

	it('refuses an attachment id that is not a UUID', async () => {
		expect((await putPiece('../solicitudes', 0, 'AAAA')).status).toBe(404);
		const res = await call('GET', '/api/solicitudes/adjuntos/no-es-un-uuid');
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({ code: 'id_invalido' });
	});

	it('refuses a filing that names an attachment never sent, or names one badly, filing nothing', async () => {
		const bytes = photo(10_000);
		const never = request([{ ...meta(crypto.randomUUID(), bytes), uploaded: true }]);
		const res = await file(never);
		expect(res.status).toBe(409);
		expect(res.body.error).toMatchObject({ code: 'adjunto_incompleto' });

		const bad = await file(request([{ ...meta(crypto.randomUUID(), bytes), uploaded: 'si' }]));
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatchObject({ code: 'adjunto_invalido' });

		// Pieces that are not the photo the filing describes fail its checks like inline bytes.
		const id = crypto.randomUUID();
		await putPiece(id, 0, Buffer.from('no soy una foto, soy texto').toString('base64'));
		const wrong = await file(request([{ ...meta(id, bytes), size: 26, uploaded: true }]));
		expect(wrong.status).toBe(400);
		expect(wrong.body.error).toMatchObject({ code: 'adjunto_invalido' });
	});
});

describe('pieces waiting from every device together', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ env: { STAGED_PIECES_MAX: '2' } });
	}, 120_000);
	afterAll(() => server?.stop());

	const at = (method: string, path: string, body?: unknown) => call(method, path, body, server.url);
	const put = (id: string, n: number, data: string) =>
		at('PUT', `/api/solicitudes/adjuntos/${id}/${n}`, { data });

	it('past STAGED_PIECES_MAX a new piece is refused in Spanish and stored nowhere, a piece already held is taken again; inline filing goes on, and a filed request frees its room', async () => {
		// Two pieces each: together they would be four.
		const first = photo((UPLOAD_PIECE_CHARS / 4) * 3 + 1000);
		const second = photo((UPLOAD_PIECE_CHARS / 4) * 3 + 2000);
		const [firstId, secondId] = [crypto.randomUUID(), crypto.randomUUID()];
		for (const [n, data] of piecesOf(first).entries()) {
			expect((await put(firstId, n, data)).status).toBe(200);
		}

		const full = await put(secondId, 0, piecesOf(second)[0] as string);
		expect(full.status).toBe(503);
		expect(full.body.error).toMatchObject({
			code: 'adjuntos_en_espera_llenos',
			message: expect.stringMatching(/adjuntos completos/)
		});
		expect((await at('GET', `/api/solicitudes/adjuntos/${secondId}`)).body.received).toBe(0);
		// A piece already held is still taken again (a device whose answer was lost), and other
		// bytes under its number are still a conflict.
		expect((await put(firstId, 0, piecesOf(first)[0] as string)).status).toBe(200);
		const other = await put(firstId, 0, piecesOf(second)[0] as string);
		expect(other.status).toBe(409);
		expect(other.body.error).toMatchObject({ code: 'conflicto_id' });

		// What the device does then: the whole photo inside the request.
		const inline = await at(
			'POST',
			'/api/solicitudes',
			request([{ ...meta(secondId, second), data: Buffer.from(second).toString('base64') }])
		);
		expect(inline.status).toBe(201);

		// Filing the first photo's request deletes its pieces, and pieces are taken again.
		const filed = await at(
			'POST',
			'/api/solicitudes',
			request([{ ...meta(firstId, first), uploaded: true }])
		);
		expect(filed.status).toBe(201);
		await expect
			.poll(async () => (await put(secondId, 0, piecesOf(second)[0] as string)).status)
			.toBe(200);
	});
});
