/**
 * Tracking by radicado + PIN against the real server: answers in order, nothing personal, no
 * way to tell an unknown radicado from a wrong PIN, and a per-address limit on lookups.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';

const base = inject('baseUrl');
const PIN = '730164';

type Json = Record<string, unknown>;

const applicant = {
	name: 'Wilson Jacanamejoy',
	documentType: 'CC',
	documentNumber: '98765432',
	email: 'wilson.j@example.com',
	phone: '320 555 0101',
	address: 'Calle 5 # 3-21',
	vereda: 'Santa Lucía'
};
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const photo = Buffer.from(JPEG).toString('base64');

function queja(over: Json = {}): Json {
	return {
		id: crypto.randomUUID(),
		form: 'peticion-general',
		capturedAt: new Date(Date.now() - 86_400_000).toISOString(),
		anonymous: false,
		applicant,
		consent: { accepted: true, policyVersion: '2026-11', acceptedAt: new Date().toISOString() },
		values: {
			asunto: 'Alumbrado público dañado',
			descripcion: 'Desde hace un mes no funciona la luminaria frente a la escuela.',
			lugar: 'Escuela Santa Lucía'
		},
		attachments: [
			{
				id: crypto.randomUUID(),
				name: 'poste.jpg',
				type: 'image/jpeg',
				size: JPEG.length,
				data: photo
			}
		],
		pin: PIN,
		...over
	};
}

async function post(
	url: string,
	path: string,
	body: unknown,
	headers: Record<string, string> = {}
) {
	const res = await fetch(`${url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: res.status, body: (await res.json()) as Json, res };
}

const track = (items: Array<{ radicado: string; pin: string }>, url = base) =>
	post(url, '/api/seguimiento', { items });

describe('POST /api/seguimiento', () => {
	let radicado = '';
	let anonymous = '';

	beforeAll(async () => {
		const a = await post(base, '/api/solicitudes', queja());
		const b = await post(base, '/api/solicitudes', {
			...queja(),
			anonymous: true,
			applicant: undefined,
			consent: undefined
		});
		expect([a.status, b.status]).toEqual([201, 201]);
		radicado = String(a.body.radicado);
		anonymous = String(b.body.radicado);
	});

	it('answers each item in order: the view, or null for unknown radicados and wrong PINs', async () => {
		const [year, n] = [radicado.slice(3, 7), Number(radicado.slice(-6))];
		const { status, body, res } = await track([
			{ radicado, pin: PIN },
			{ radicado: `PG-${year}-999998`, pin: PIN },
			{ radicado, pin: '000000' },
			{ radicado: anonymous, pin: PIN },
			{ radicado: `  ${radicado.toLowerCase().replaceAll('-', ' ')} `, pin: PIN },
			{ radicado: '../../_all_docs', pin: PIN },
			{ radicado: `PG-${year}-${String(n).padStart(6, '0')}`, pin: '12345' },
			{ radicado: `pg-${year}-${n}`, pin: PIN }
		]);
		expect(status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		const items = body.items as Array<Json | null>;
		expect(items.map((i) => i?.radicado ?? null)).toEqual([
			radicado,
			null,
			null,
			anonymous,
			radicado,
			null,
			null,
			radicado
		]);
		expect(items[0]).toEqual({
			radicado,
			formTitle: expect.any(String),
			capturedAt: expect.any(String),
			receivedAt: expect.any(String),
			deadline: expect.objectContaining({ businessDays: 15 }),
			status: 'radicada',
			events: []
		});
	});

	it('returns nothing personal: no applicant, values, attachments or hashes', async () => {
		const { body } = await track([{ radicado, pin: PIN }]);
		const text = JSON.stringify(body);
		for (const secret of [
			...Object.values(applicant).filter((v) => v !== 'CC'),
			'Alumbrado',
			'luminaria',
			'poste.jpg',
			photo,
			PIN,
			'scrypt',
			'pinHash',
			'payloadHash',
			'applicant',
			'values'
		]) {
			expect(text).not.toContain(secret);
		}
	});

	it('refuses malformed bodies with codes', async () => {
		const cases: Array<[unknown, number, string]> = [
			[{}, 400, 'seguimiento_invalido'],
			[{ items: [] }, 400, 'seguimiento_invalido'],
			[
				{ items: Array.from({ length: 51 }, () => ({ radicado, pin: PIN })) },
				400,
				'seguimiento_invalido'
			],
			[{ items: [{ radicado, pin: PIN, id: 'x' }] }, 400, 'seguimiento_invalido'],
			[{ items: [{ radicado: 123, pin: PIN }] }, 400, 'seguimiento_invalido'],
			['{"items":', 400, 'json_invalido']
		];
		for (const [body, status, code] of cases) {
			const res = await post(base, '/api/seguimiento', body);
			expect(res.status).toBe(status);
			expect(res.body).toMatchObject({ error: { code } });
		}
		const xml = await post(base, '/api/seguimiento', '<items/>', { 'content-type': 'text/xml' });
		expect(xml.body).toMatchObject({ error: { code: 'tipo_contenido' } });
	});
});

describe('lookup limit per client address', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({ env: { RATE_LIMIT_FACTOR: '1' } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('allows a full request of 50 lookups, then answers 429 demasiados_intentos', async () => {
		const items = Array.from({ length: 50 }, (_, i) => ({
			radicado: `PG-2026-${String(i + 1).padStart(6, '0')}`,
			pin: '123456'
		}));
		const first = await track(items, server.url);
		expect(first.status).toBe(200);
		expect((first.body.items as unknown[]).every((i) => i === null)).toBe(true);
		// 50 lookups a minute per address (one full request): 50 more within the minute is too many.
		const second = await track(items, server.url);
		expect(second.status).toBe(429);
		expect(second.body).toMatchObject({ error: { code: 'demasiados_intentos' } });
		expect(Number(second.res.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});
