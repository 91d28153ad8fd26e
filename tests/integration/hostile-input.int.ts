/**
 * Hostile input against the real server: every row of `hostile/table.ts` (endpoint × attack)
 * must be refused with a 4xx and a coded error whose message is Spanish, or — where the input is
 * a citizen's free text — be kept as inert data; nothing partial may be stored, and the server
 * must stay up. Runs on its own server so its counts are not disturbed by other files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { HOSTILE_CASES, peticion, type HostileCase, type HostileContext } from './hostile/table';
import { SCRIPTS } from './hostile/payloads';

const ADMIN_TOKEN = 'token-de-pruebas-hostiles-0123456789';

let server: RunningServer;
const ctx = {} as HostileContext;

type Json = Record<string, unknown>;

/** Markup that must never reach a page unescaped (attribute and tag openers). */
const RAW_MARKUP = ['<script>window.__hostil', '<img src=x onerror', '<svg onload'];

/** A message a Spanish-speaking citizen can read: Spanish words, no English framework text. */
function isSpanish(message: unknown): boolean {
	if (typeof message !== 'string' || message.trim().length < 5) return false;
	const english = /\b(the|is|not|method|allowed|forbidden|internal|request|invalid|found)\b/i;
	const spanish =
		/[áéíóúñ¿¡]|\b(el|la|los|las|de|del|no|un|una|es|en|por|con|que|para|se|su|sin|como)\b/i;
	return spanish.test(message) && !english.test(message);
}

async function adminTotal(): Promise<number> {
	const res = await fetch(`${server.url}/api/admin/solicitudes`, {
		headers: { authorization: `Bearer ${ADMIN_TOKEN}` }
	});
	expect(res.status).toBe(200);
	return ((await res.json()) as { total: number }).total;
}

async function eventsOfFiled(): Promise<number> {
	const res = await fetch(`${server.url}/api/seguimiento`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items: [{ radicado: ctx.filed.radicado, pin: ctx.filed.pin }] })
	});
	const body = (await res.json()) as { items: Array<{ events: unknown[] } | null> };
	return body.items[0]!.events.length;
}

async function send(c: HostileCase) {
	const req = c.request(ctx);
	const res = await fetch(`${server.url}${req.path}`, {
		method: req.method,
		headers: req.headers,
		body: req.body as BodyInit | undefined,
		redirect: 'manual'
	});
	const text = await res.text();
	let body: Json | null;
	try {
		body = JSON.parse(text) as Json;
	} catch {
		body = null;
	}
	return { res, text, body };
}

async function expectServerUp() {
	const res = await fetch(`${server.url}/api/salud`);
	expect(res.status).toBe(200);
	expect(await res.json()).toMatchObject({ ok: true });
}

beforeAll(async () => {
	server = await startServer({
		env: { ADMIN_TOKEN, TRACKING_LOOKUPS_PER_MINUTE: '1000' }
	});
	ctx.adminToken = ADMIN_TOKEN;
	ctx.origin = server.url;
	// Accented text (NFC), so a replay spelled in NFD differs byte for byte.
	const body = peticion({
		pin: '735102',
		values: { asunto: 'Petición del puente caído', descripcion: 'Está caído desde la creciente.' }
	});
	const res = await fetch(`${server.url}/api/solicitudes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	expect(res.status).toBe(201);
	const receipt = (await res.json()) as { radicado: string };
	ctx.filed = { id: String(body.id), radicado: receipt.radicado, pin: '735102', body };
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

const byEndpoint = new Map<string, HostileCase[]>();
for (const c of HOSTILE_CASES)
	byEndpoint.set(c.endpoint, [...(byEndpoint.get(c.endpoint) ?? []), c]);

for (const [endpoint, cases] of byEndpoint) {
	describe(endpoint, () => {
		let eventsBefore = 0;
		beforeAll(async () => {
			eventsBefore = await eventsOfFiled();
		});

		it.each(cases.map((c) => [c.attack, c] as const))('%s', async (_attack, c) => {
			const before = await adminTotal();
			const { res, text, body } = await send(c);
			const after = await adminTotal();
			const e = c.expect;
			const why = `${c.endpoint} ${c.attack}: ${res.status} ${text.slice(0, 300)}`;

			switch (e.kind) {
				case 'api-error': {
					expect(res.status, why).toBe(e.status);
					expect(res.headers.get('content-type'), why).toContain('application/json');
					const error = body?.error as Json | undefined;
					expect(error?.code, why).toMatch(/^[a-z_]+$/);
					if (e.code) expect(error?.code, why).toBe(e.code);
					expect(isSpanish(error?.message), why).toBe(true);
					expect(after, why).toBe(before);
					break;
				}
				case 'sync-error': {
					expect(res.status, why).toBe(e.status);
					expect(res.headers.get('content-type'), why).toContain('application/json');
					expect(typeof body?.error, why).toBe('string');
					if (e.code) expect(body?.code, why).toBe(e.code);
					expect(isSpanish(body?.reason), why).toBe(true);
					expect(after, why).toBe(before);
					break;
				}
				case 'filed-inert': {
					expect(res.status, why).toBe(201);
					expect(res.headers.get('content-type'), why).toContain('application/json');
					expect(body?.radicado, why).toMatch(/^PG-\d{4}-\d{6}$/);
					expect(after, why).toBe(before + 1);
					break;
				}
				case 'grants-nothing': {
					expect(res.status, why).toBe(200);
					expect(res.headers.get('content-type'), why).toContain('application/json');
					const items = body?.items as unknown[] | undefined;
					if (items)
						expect(
							items.every((i) => i === null),
							why
						).toBe(true);
					expect(after, why).toBe(before);
					break;
				}
				case 'form-error': {
					expect(res.status, why).toBe(e.status);
					for (const raw of RAW_MARKUP) expect(text, why).not.toContain(raw);
					expect(after, why).toBe(before);
					break;
				}
				case 'form-filed-inert': {
					expect(res.status, why).toBe(200);
					expect(res.headers.get('content-type'), why).toContain('text/html');
					expect(text, why).toMatch(/PG-\d{4}-\d{6}/);
					for (const raw of RAW_MARKUP) expect(text, why).not.toContain(raw);
					expect(after, why).toBe(before + 1);
					break;
				}
			}
		});

		it('leaves the target request without new events and the server up', async () => {
			expect(await eventsOfFiled()).toBe(eventsBefore);
			await expectServerUp();
		});
	});
}

describe('stored script payloads are rendered inert', () => {
	it("an official's answer with markup is escaped on the tracking page and kept verbatim in JSON", async () => {
		const text = `${SCRIPTS['script tag']} ${SCRIPTS['img onerror']} ${SCRIPTS['attribute break-out']}`;
		const added = await fetch(`${server.url}/api/admin/solicitudes/${ctx.filed.radicado}/eventos`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				authorization: `Bearer ${ADMIN_TOKEN}`
			},
			body: JSON.stringify({ kind: 'respuesta', status: 'respondida', text })
		});
		expect(added.status).toBe(201);

		const page = await fetch(`${server.url}/seguimiento`, {
			method: 'POST',
			headers: { accept: 'text/html', origin: server.url },
			body: new URLSearchParams({ radicado: ctx.filed.radicado, pin: ctx.filed.pin })
		});
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('&lt;script>window.__hostil=1&lt;/script>');
		for (const raw of RAW_MARKUP) expect(html).not.toContain(raw);

		const api = await fetch(`${server.url}/api/seguimiento`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ items: [{ radicado: ctx.filed.radicado, pin: ctx.filed.pin }] })
		});
		const view = (await api.json()) as { items: Array<{ events: Array<{ text: string }> }> };
		expect(view.items[0]!.events.at(-1)!.text).toBe(text);
	});

	it('refused requests cost no radicado: the next filing takes the next consecutive number', async () => {
		const filedSoFar = await adminTotal();
		const res = await fetch(`${server.url}/api/solicitudes`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(peticion())
		});
		expect(res.status).toBe(201);
		const { radicado } = (await res.json()) as { radicado: string };
		expect(Number(radicado.slice(-6))).toBe(Number(ctx.filed.radicado.slice(-6)) + filedSoFar);
	});
});

describe('hostile case count', () => {
	it('reports how many hostile cases ran', () => {
		const endpoints = new Set(HOSTILE_CASES.map((c) => c.endpoint)).size;
		console.info(`hostile cases: ${HOSTILE_CASES.length} (${endpoints} endpoints)`);
		expect(HOSTILE_CASES.length).toBeGreaterThan(250);
	});
});
