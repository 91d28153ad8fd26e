/**
 * Filing requests against the real server: idempotency, deadlines, and hostile input that must
 * be refused with a code and leave nothing behind.
 */
import { filedRequests } from '../helpers/as-official';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const admin = { username: inject('adminUser'), password: inject('adminPassword') };
const PIN = '482913';

type Json = Record<string, unknown>;

function peticion(over: Json = {}): Json {
	return {
		id: crypto.randomUUID(),
		form: 'peticion-general',
		capturedAt: new Date(Date.now() - 3_600_000).toISOString(),
		anonymous: true,
		values: { asunto: 'Arreglo del puente', descripcion: 'El puente de la vereda está caído.' },
		pin: PIN,
		...over
	};
}

const applicant = {
	name: 'Ana María Pérez',
	documentType: 'CC',
	documentNumber: '1122334455',
	email: 'ana.perez@example.com',
	phone: '310 123 4567',
	vereda: 'La Libertad'
};
const consent = () => ({
	accepted: true,
	policyVersion: '2026-11',
	acceptedAt: new Date().toISOString()
});

function residencia(over: Json = {}): Json {
	return {
		...peticion(),
		form: 'certificado-de-residencia',
		anonymous: false,
		applicant,
		consent: consent(),
		values: {
			barrio_o_vereda: 'Vereda La Libertad',
			tiempo_de_residencia: '1-a-5-anos',
			finalidad: 'laboral'
		},
		...over
	};
}

const PNG = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52
]);
const attachment = (bytes: Uint8Array, type = 'image/png', over: Json = {}) => ({
	id: crypto.randomUUID(),
	name: 'foto-del-puente.png',
	type,
	size: bytes.length,
	data: Buffer.from(bytes).toString('base64'),
	...over
});

async function file(body: unknown, headers: Record<string, string> = {}) {
	const res = await fetch(`${base}/api/solicitudes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body:
			typeof body === 'string'
				? body
				: body instanceof Uint8Array
					? new Blob([new Uint8Array(body)])
					: JSON.stringify(body)
	});
	return { status: res.status, body: (await res.json().catch(() => ({}))) as Json, res };
}

async function filedCount(): Promise<{ total: number; last: string | undefined }> {
	const list = await filedRequests(base, admin);
	return { total: list.length, last: list.at(-1)?.radicado };
}

const numberOf = (radicado: unknown) => Number(String(radicado).slice(-6));

describe('POST /api/solicitudes', () => {
	it('files an anonymous PQRSD with a radicado, the server time and the legal deadline', async () => {
		const before = Date.now();
		const { status, body, res } = await file(peticion());
		expect(status).toBe(201);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(body.radicado).toMatch(/^PG-\d{4}-\d{6}$/);
		expect(Object.keys(body).sort()).toEqual(['deadline', 'id', 'radicado', 'receivedAt']);
		expect(Date.parse(String(body.receivedAt))).toBeGreaterThanOrEqual(before - 1000);
		expect(body.deadline).toMatchObject({
			businessDays: 15,
			legalBasis: expect.stringMatching(/Ley 1755 de 2015/)
		});
		expect(String(body.radicado).slice(3, 7)).toBe(
			String((body.deadline as Json).receivedDate).slice(0, 4)
		);
	});

	it("files an identified trámite with attachments and the trámite's own term", async () => {
		const { status, body } = await file(
			residencia({
				attachments: [attachment(PNG), attachment(PNG, 'image/png', { name: 'recibo.png' })]
			})
		);
		expect(status).toBe(201);
		expect(body.deadline).toMatchObject({
			businessDays: 10,
			legalBasis: expect.stringMatching(/Término del trámite/)
		});
	});

	it('gives a trámite answered at the counter the general 15 business days when filed online', async () => {
		// Colombia Mayor's catalogue term is "inmediato"; its form promises 15 días hábiles.
		const { status, body } = await file(
			residencia({
				form: 'inscripcion-colombia-mayor',
				values: { fecha_nacimiento: '1950-03-14', tiene_sisben: 'si', recibe_pension: 'no' }
			})
		);
		expect(status).toBe(201);
		expect(body.deadline).toMatchObject({
			businessDays: 15,
			legalBasis: expect.stringMatching(/término general de quince \(15\) días hábiles/)
		});
	});

	it('answers a repeated request with the same receipt, and a changed one with conflicto_id', async () => {
		const sub = peticion();
		const first = await file(sub);
		expect(first.status).toBe(201);
		const reordered = Object.fromEntries(Object.entries(sub).reverse());
		const again = await file(reordered);
		expect(again.status).toBe(200);
		expect(again.body).toEqual(first.body);

		const changed = await file({
			...sub,
			values: { ...(sub.values as Json), asunto: 'Otro asunto' }
		});
		expect(changed.status).toBe(409);
		expect(changed.body).toMatchObject({ error: { code: 'conflicto_id' } });
		const otherPin = await file({ ...sub, pin: '111111' });
		expect(otherPin.status).toBe(409);
		expect(otherPin.body).toMatchObject({ error: { code: 'conflicto_id' } });
	});

	it('stores script payloads as text: the request is filed, nothing runs', async () => {
		const { status } = await file(
			peticion({
				values: {
					asunto: '<script>alert(1)</script>',
					descripcion:
						'"><img src=x onerror=alert(2)> {{constructor.constructor("alert(3)")()}} 🙏 مرحبا'
				}
			})
		);
		expect(status).toBe(201);
	});

	it('refuses other methods', async () => {
		const res = await fetch(`${base}/api/solicitudes`);
		expect(res.status).toBe(405);
	});
});

describe('requests of minors (Ley 1581 art. 7)', () => {
	const minor = { ...applicant, name: 'Luisa Mutumbajoy', documentType: 'TI' };
	const representative = {
		representativeName: 'Rosa Mutumbajoy',
		representativeDocumentType: 'CC',
		representativeDocumentNumber: '41234567'
	};

	it('files a minor’s own request, and one with the whole legal representative', async () => {
		// A child or adolescent may petition on their own (legal review 4.4).
		expect((await file(residencia({ applicant: minor }))).status).toBe(201);
		const withOne = await file(residencia({ applicant: { ...minor, ...representative } }));
		expect(withOne.status).toBe(201);
	});

	it('refuses half a representative, and a representative of an adult, naming the field', async () => {
		const half = await file(
			residencia({ applicant: { ...minor, representativeName: 'Rosa Mutumbajoy' } })
		);
		expect(half.status).toBe(400);
		expect(JSON.stringify(half.body)).toContain('representativeDocumentNumber');
		const adult = await file(residencia({ applicant: { ...applicant, ...representative } }));
		expect(adult.status).toBe(400);
		expect(JSON.stringify(adult.body)).toContain('representativeName');
	});
});

describe('hostile and malformed requests are refused with a code and leave nothing stored', () => {
	const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
	const big = 'A'.repeat(11 * 1024 * 1024 + 10);
	const cases: Array<[string, () => Promise<Awaited<ReturnType<typeof file>>>, number, string]> = [
		['malformed JSON', () => file('{"id": "x", '), 400, 'json_invalido'],
		[
			'invalid UTF-8',
			() => file(Uint8Array.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])),
			400,
			'json_invalido'
		],
		['a JSON array', () => file('[1,2,3]'), 400, 'solicitud_invalida'],
		['no content type', () => file(peticion(), { 'content-type': '' }), 415, 'tipo_contenido'],
		['XML', () => file(peticion(), { 'content-type': 'application/xml' }), 415, 'tipo_contenido'],
		[
			'missing fields',
			() => file({ id: crypto.randomUUID(), form: 'peticion-general' }),
			400,
			'solicitud_invalida'
		],
		[
			'an extra field',
			() => file(peticion({ radicado: 'PG-2026-000001' })),
			400,
			'solicitud_invalida'
		],
		[
			'a __proto__ member',
			() => file(JSON.stringify(peticion()).replace(/^\{/, '{"__proto__":{"admin":true},')),
			400,
			'solicitud_invalida'
		],
		[
			'wrong types',
			() => file(peticion({ anonymous: 'sí', values: ['a'] })),
			400,
			'solicitud_invalida'
		],
		[
			'a value of the wrong type',
			() => file(peticion({ values: { asunto: 42, descripcion: 'x' } })),
			400,
			'solicitud_invalida'
		],
		[
			'anonymous with personal data',
			() => file(peticion({ applicant })),
			400,
			'solicitud_invalida'
		],
		[
			'a path in the form',
			() => file(peticion({ form: '../contenido/_all_docs' })),
			400,
			'solicitud_invalida'
		],
		[
			'a path in the id',
			() => file(peticion({ id: '../../_users/org.couchdb.user:x' })),
			400,
			'solicitud_invalida'
		],
		[
			'an encoded path in the form',
			() => file(peticion({ form: '..%2F..%2F_config' })),
			400,
			'solicitud_invalida'
		],
		[
			'an unknown form',
			() => file(peticion({ form: 'formulario-que-no-existe' })),
			404,
			'formulario_no_encontrado'
		],
		[
			'a field the form does not have',
			() => file(peticion({ values: { asunto: 'a', descripcion: 'b', rol: 'admin' } })),
			400,
			'solicitud_invalida'
		],
		[
			'a missing required field',
			() => file(peticion({ values: { asunto: 'a' } })),
			400,
			'solicitud_invalida'
		],
		[
			'an option the form does not offer',
			() =>
				file(
					peticion({ values: { asunto: 'a', descripcion: 'b', dependencia_relacionada: 'tesoro' } })
				),
			400,
			'solicitud_invalida'
		],
		[
			'an anonymous trámite',
			() => file(residencia({ anonymous: true, applicant: undefined, consent: undefined })),
			400,
			'solicitud_invalida'
		],
		['no consent', () => file(residencia({ consent: undefined })), 400, 'solicitud_invalida'],
		[
			'more attachments than the form allows',
			() => file(peticion({ attachments: [1, 2, 3, 4].map(() => attachment(PNG)) })),
			400,
			'solicitud_invalida'
		],
		[
			'HTML declared as a JPEG',
			() => file(peticion({ attachments: [attachment(html, 'image/jpeg')] })),
			400,
			'adjunto_invalido'
		],
		[
			'a PNG declared as a PDF',
			() => file(peticion({ attachments: [attachment(PNG, 'application/pdf')] })),
			400,
			'adjunto_invalido'
		],
		[
			'a size that does not match the bytes',
			() => file(peticion({ attachments: [attachment(PNG, 'image/png', { size: 999 })] })),
			400,
			'adjunto_invalido'
		],
		[
			'a non-canonical base64',
			() =>
				file(
					peticion({
						attachments: [attachment(PNG, 'image/png', { data: 'iVBORw0KGgoAAAANSUhEUg' })]
					})
				),
			400,
			'adjunto_invalido'
		],
		[
			'an executable type',
			() => file(peticion({ attachments: [attachment(PNG, 'application/x-msdownload')] })),
			400,
			'solicitud_invalida'
		],
		[
			'a file name with a path',
			() =>
				file(
					peticion({ attachments: [attachment(PNG, 'image/png', { name: '../../etc/passwd' })] })
				),
			400,
			'solicitud_invalida'
		],
		['a 5-digit PIN', () => file(peticion({ pin: '12345' })), 400, 'solicitud_invalida'],
		[
			'a PIN in Arabic-Indic digits',
			() => file(peticion({ pin: '٤٨٢٩١٣' })),
			400,
			'solicitud_invalida'
		],
		[
			'NUL in a text value',
			() => file(peticion({ values: { asunto: 'a\u0000b', descripcion: 'x' } })),
			400,
			'solicitud_invalida'
		],
		[
			'NUL in the name',
			() => file(residencia({ applicant: { ...applicant, name: 'Ana\u0000' } })),
			400,
			'solicitud_invalida'
		],
		[
			'a lone surrogate',
			() =>
				file(
					JSON.stringify(peticion()).replace('Arreglo del puente', 'Arreglo \\ud83d del puente')
				),
			400,
			'solicitud_invalida'
		],
		[
			'an escape sequence for terminals',
			() => file(peticion({ values: { asunto: '\u001b[2J', descripcion: 'x' } })),
			400,
			'solicitud_invalida'
		],
		[
			'a right-to-left override in a file name',
			() =>
				file(
					peticion({ attachments: [attachment(PNG, 'image/png', { name: 'recibo\u202egnp.exe' })] })
				),
			400,
			'solicitud_invalida'
		],
		[
			'an emoji in the form',
			() => file(peticion({ form: 'peticion-🙂' })),
			400,
			'solicitud_invalida'
		],
		[
			'a right-to-left mark in the id',
			() => file(peticion({ id: `\u200f${crypto.randomUUID()}` })),
			400,
			'solicitud_invalida'
		],
		[
			'deeply nested JSON',
			() => file(`${'['.repeat(20_000)}${']'.repeat(20_000)}`),
			400,
			'solicitud_invalida'
		],
		['a body over 11 MB', () => file(`{"x":"${big}"}`), 413, 'demasiado_grande']
	];

	it.each(cases)('%s', async (_name, send, status, code) => {
		const before = await filedCount();
		const res = await send();
		expect(res.status).toBe(status);
		expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
		expect(JSON.stringify(res.body)).not.toMatch(/script|onerror|passwd|\\u0000/);
		expect((await filedCount()).total).toBe(before.total);
	});

	it('explains what is wrong by path and code, never by value', async () => {
		const schema = await file(
			peticion({ extra: '<b>x</b>', capturedAt: 'ayer', values: { '<b>': 'x' } })
		);
		const issues = (schema.body.error as { detail: { issues: Json[] } }).detail.issues;
		expect(issues).toEqual(
			expect.arrayContaining([
				{ path: 'capturedAt', code: 'invalid_format' },
				{ path: '', code: 'unrecognized_keys' },
				{ path: 'values.*', code: 'invalid_key' }
			])
		);
		expect(JSON.stringify(schema.body)).not.toContain('<b>');

		const form = await file(peticion({ values: { asunto: 'a', otro: 'b' } }));
		expect((form.body.error as Json).detail).toEqual({
			fields: { descripcion: 'requerido' },
			general: ['campo_desconocido']
		});

		const att = await file(peticion({ attachments: [attachment(PNG, 'image/jpeg')] }));
		expect((att.body.error as Json).detail).toEqual({
			attachments: [{ index: 0, code: 'tipo_no_coincide' }]
		});
	});

	it('refuses cross-site form posts with a Spanish JSON 415 before they reach the app', async () => {
		const before = await filedCount();
		const res = await fetch(`${base}/api/solicitudes`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'https://evil.example'
			},
			body: 'id=1'
		});
		expect(res.status).toBe(415);
		expect(await res.json()).toMatchObject({ error: { code: 'tipo_contenido' } });
		expect((await filedCount()).total).toBe(before.total);
	});

	it('refuses a streamed body over 11 MB that declares no length', async () => {
		const chunk = new TextEncoder().encode('A'.repeat(1024 * 1024));
		let sent = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(c) {
				if (sent++ < 12) c.enqueue(chunk);
				else c.close();
			}
		});
		const res = await fetch(`${base}/api/solicitudes`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		expect(res.status).toBe(413);
		expect(await res.json()).toMatchObject({ error: { code: 'demasiado_grande' } });
	});

	it('spends no radicado on refused requests: the next one is consecutive', async () => {
		const before = await filedCount();
		for (const bad of [
			peticion({ values: { asunto: 'a' } }),
			peticion({ attachments: [attachment(html, 'image/png')] }),
			peticion({ form: 'no-existe' })
		]) {
			expect((await file(bad)).status).toBeGreaterThanOrEqual(400);
		}
		const ok = await file(peticion());
		expect(ok.status).toBe(201);
		expect(numberOf(ok.body.radicado)).toBe(numberOf(before.last) + 1);
		expect((await filedCount()).total).toBe(before.total + 1);
	});
});
