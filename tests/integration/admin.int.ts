/**
 * The interim admin API (bearer token) against the real server: authentication, the list of
 * filed requests, and answers that reach the citizen's tracking view.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';

const base = inject('baseUrl');
const token = inject('adminToken');
const PIN = '551903';

type Json = Record<string, unknown>;

async function call(
	path: string,
	init: { method?: string; body?: unknown; auth?: string | null; type?: string } = {},
	url = base
) {
	const headers: Record<string, string> = {};
	if (init.auth !== null) headers.authorization = init.auth ?? `Bearer ${token}`;
	if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json';
	const res = await fetch(`${url}${path}`, {
		method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
		headers,
		body:
			init.body === undefined
				? undefined
				: typeof init.body === 'string'
					? init.body
					: JSON.stringify(init.body)
	});
	return { status: res.status, body: (await res.json()) as Json, res };
}

async function fileOne(values: Json = {}) {
	const res = await call('/api/solicitudes', {
		auth: null,
		body: {
			id: crypto.randomUUID(),
			form: 'peticion-general',
			capturedAt: new Date().toISOString(),
			anonymous: true,
			values: {
				asunto: 'Vía en mal estado',
				descripcion: 'La vía a la vereda está intransitable.',
				...values
			},
			pin: PIN
		}
	});
	expect(res.status).toBe(201);
	return res.body as { id: string; radicado: string };
}

async function tracked(radicado: string) {
	const res = await call('/api/seguimiento', {
		auth: null,
		body: { items: [{ radicado, pin: PIN }] }
	});
	return (res.body.items as Array<Json | null>)[0];
}

describe('admin authentication', () => {
	it.each([
		['no Authorization header', null],
		['a wrong token', 'Bearer otro-token-cualquiera-123'],
		['the right token with another scheme', `Basic ${token}`],
		['the token with a suffix', `Bearer ${token}x`],
		['an empty bearer', 'Bearer ']
	])('refuses %s with 401 no_autorizado', async (_name, auth) => {
		const list = await call('/api/admin/solicitudes', { auth });
		expect(list.status).toBe(401);
		expect(list.body).toMatchObject({ error: { code: 'no_autorizado' } });
		expect(list.res.headers.get('www-authenticate')).toMatch(/^Bearer/);
		const event = await call('/api/admin/solicitudes/PG-2026-000001/eventos', {
			auth,
			body: { kind: 'estado', status: 'cerrada', text: 'x' }
		});
		expect(event.status).toBe(401);
	});

	it('lists the filed requests for the administrator', async () => {
		const filed = await fileOne();
		const { status, body } = await call('/api/admin/solicitudes');
		expect(status).toBe(200);
		const items = body.items as Json[];
		expect(body.total).toBe(items.length);
		expect(items.find((i) => i.id === filed.id)).toEqual({
			id: filed.id,
			radicado: filed.radicado,
			form: 'peticion-general',
			receivedAt: expect.any(String),
			capturedAt: expect.any(String),
			deadline: expect.objectContaining({ businessDays: 15 })
		});
	});
});

describe('POST /api/admin/solicitudes/[radicado]/eventos', () => {
	it('records status changes and answers that the citizen then sees, in order', async () => {
		const { radicado } = await fileOne();
		expect(await tracked(radicado)).toMatchObject({ status: 'radicada', events: [] });

		const first = await call(`/api/admin/solicitudes/${radicado}/eventos`, {
			body: { kind: 'estado', status: 'en-tramite', text: 'Asignada a la Secretaría de Obras.' }
		});
		expect(first.status).toBe(201);
		expect(first.body).toMatchObject({
			radicado,
			kind: 'estado',
			status: 'en-tramite',
			by: 'administrador (API)'
		});
		const answer =
			'Respuesta: la reparación está programada.\n<script>alert("x")</script><img src=x onerror=alert(1)> 🚧 مرحبا';
		const second = await call(`/api/admin/solicitudes/${radicado}/eventos`, {
			body: { kind: 'respuesta', status: 'respondida', text: answer }
		});
		expect(second.status).toBe(201);

		const res = await call('/api/seguimiento', {
			auth: null,
			body: { items: [{ radicado, pin: PIN }] }
		});
		// Inert: JSON, not HTML, and the browser is told not to guess otherwise.
		expect(res.res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(res.res.headers.get('x-content-type-options')).toBe('nosniff');
		const view = (res.body.items as Json[])[0];
		expect(view).toMatchObject({
			status: 'respondida',
			events: [
				{ kind: 'estado', status: 'en-tramite', text: 'Asignada a la Secretaría de Obras.' },
				{ kind: 'respuesta', status: 'respondida', text: answer }
			]
		});
		const events = (view?.events ?? []) as Json[];
		expect(String(events[0]?.at) < String(events[1]?.at)).toBe(true);
		expect(Object.keys(events[0] ?? {}).sort()).toEqual(['at', 'kind', 'status', 'text']);
	});

	it('answers 404 for a radicado no request holds and 400 for a malformed one', async () => {
		const missing = await call('/api/admin/solicitudes/PG-2026-999999/eventos', {
			body: { kind: 'estado', status: 'cerrada', text: 'x' }
		});
		expect(missing.status).toBe(404);
		expect(missing.body).toMatchObject({ error: { code: 'no_encontrado' } });
		for (const bad of ['..%2F..%2F_all_docs', 'pg-2026-000001', 'PG-2026-000000', '%00']) {
			const res = await call(`/api/admin/solicitudes/${bad}/eventos`, {
				body: { kind: 'estado', status: 'cerrada', text: 'x' }
			});
			expect(res.status).toBe(400);
			expect(res.body).toMatchObject({ error: { code: 'radicado_invalido' } });
		}
	});

	it('refuses malformed events and changes nothing', async () => {
		const { radicado } = await fileOne();
		const path = `/api/admin/solicitudes/${radicado}/eventos`;
		for (const body of [
			{ kind: 'borrar', status: 'cerrada', text: 'x' },
			{ kind: 'estado', status: 'archivada', text: 'x' },
			{ kind: 'estado', status: 'cerrada', text: '   ' },
			{ kind: 'estado', status: 'cerrada', text: 'x', by: 'alcalde' },
			{ kind: 'estado', status: 'cerrada', text: 'nul\u0000' },
			{ kind: 'respuesta', status: 'respondida', text: 'x'.repeat(20_001) }
		]) {
			const res = await call(path, { body });
			expect(res.status).toBe(400);
			expect(res.body).toMatchObject({ error: { code: 'evento_invalido' } });
		}
		expect((await call(path, { body: '{"kind":' })).body).toMatchObject({
			error: { code: 'json_invalido' }
		});
		expect((await call(path, { body: 'kind=estado', type: 'text/csv' })).body).toMatchObject({
			error: { code: 'tipo_contenido' }
		});
		expect(await tracked(radicado)).toMatchObject({ status: 'radicada', events: [] });
	});
});

describe('admin API without ADMIN_TOKEN', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({ env: { ADMIN_TOKEN: '' } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('is switched off: 503 admin_deshabilitado, whatever the caller sends', async () => {
		for (const auth of [null, 'Bearer ', `Bearer ${token}`]) {
			const res = await call('/api/admin/solicitudes', { auth }, server.url);
			expect(res.status).toBe(503);
			expect(res.body).toMatchObject({ error: { code: 'admin_deshabilitado' } });
		}
	});
});
