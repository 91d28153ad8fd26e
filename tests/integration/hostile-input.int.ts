/**
 * Hostile input against the real server: every row of `hostile/table.ts` (endpoint × attack)
 * must be refused with a 4xx and a coded error whose message is Spanish, or — where the input is
 * a citizen's free text — be kept as inert data; nothing partial may be stored, and the server
 * must stay up. Runs on its own server so its counts are not disturbed by other files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { BackOffice } from '../helpers/backoffice-client';
import { HOSTILE_CASES, peticion, type HostileCase, type HostileContext } from './hostile/table';
import { SCRIPTS } from './hostile/payloads';

const ADMIN_USER = 'admin.hostil';
const ADMIN_PASSWORD = 'clave-de-pruebas-hostiles-1';
const OFFICIAL = 'funcionario.hostil';

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

/** Requests and events every official may replicate: what a filing or an event would change. */
async function backOfficeFootprint(): Promise<Footprint> {
	const res = await fetch(`${server.url}/api/gestion/replica`, {
		headers: { cookie: ctx.sessions.admin }
	});
	expect(res.status).toBe(200);
	const { total, docs } = (await res.json()) as { total: number; docs: Array<{ id: string }> };
	const requests = docs.filter((d) => d.id.startsWith('solicitud:')).length;
	return { requests, replica: total };
}

interface Footprint {
	/** Filed requests (the administrator sees every one). */
	requests: number;
	/** Requests and their events. */
	replica: number;
}

/** Officials' accounts, as the administrator's users page lists them. */
async function accountCount(): Promise<number> {
	const users = await new BackOffice(server.url, ctx.sessions.admin).page('/gestion/usuarios');
	expect(users.status).toBe(200);
	return new Set(users.html.match(/href="\/gestion\/usuarios\/[^"]+"/g)).size;
}

/**
 * Endpoints that handle accounts or sessions: each of their cases counts the accounts after it.
 * The users page costs a server render (12 s of the file's 50 s when every case read it), so
 * the other endpoints' cases are counted once, after the last case of their endpoint.
 */
const TOUCHES_ACCOUNTS = /usuarios|ingresar|\/api\/gestion\/yo/;

/** A response that starts a session (a non-empty session cookie). */
const startsSession = (res: Response) =>
	res.headers.getSetCookie().some((c) => /^ventanilla_sesion=[^;]+/.test(c));

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
		env: {
			ADMIN_USUARIO: ADMIN_USER,
			ADMIN_CLAVE: ADMIN_PASSWORD,
			TRACKING_LOOKUPS_PER_MINUTE: '1000',
			LOGIN_ATTEMPTS_PER_MINUTE: '10000',
			RATE_LIMIT_FACTOR: '1000'
		}
	});
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

	// The back office: the administrator, a funcionario of the filed request's dependencia,
	// and one of that funcionario's sessions ended before the attacks (to replay).
	const adm = new BackOffice(server.url);
	expect(await adm.signIn(ADMIN_USER, ADMIN_PASSWORD)).toBe(303);
	const created = await adm.action('/gestion/usuarios', {
		username: OFFICIAL,
		name: 'Funcionaria de pruebas',
		roles: ['funcionario'],
		dependencia: 'secretaria-de-gobierno',
		password: ADMIN_PASSWORD
	});
	expect(created.type, JSON.stringify(created.data)).toBe('success');
	const official = new BackOffice(server.url);
	expect(await official.signIn(OFFICIAL, ADMIN_PASSWORD)).toBe(303);
	const ended = new BackOffice(server.url);
	expect(await ended.signIn(OFFICIAL, ADMIN_PASSWORD)).toBe(303);
	const endedCookie = ended.cookie!;
	await ended.signOut();
	ctx.sessions = {
		admin: adm.cookie!,
		adminUser: ADMIN_USER,
		adminPassword: ADMIN_PASSWORD,
		official: official.cookie!,
		officialUser: OFFICIAL,
		ended: endedCookie
	};
	// The official sees the filed request: so a refusal below is the attack's, not the scope's.
	expect((await official.page(`/gestion/solicitudes/${ctx.filed.radicado}`)).status).toBe(200);
	expect((await new BackOffice(server.url, endedCookie).page('/gestion')).status).toBe(303);
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
		// This file has the server to itself and its cases run one after another, so what one
		// case leaves is what the next one starts from: each state is read once, after a case.
		let footprintBefore: Footprint = { requests: 0, replica: 0 };
		let accountsBefore = 0;
		beforeAll(async () => {
			eventsBefore = await eventsOfFiled();
			footprintBefore = await backOfficeFootprint();
			accountsBefore = await accountCount();
		});

		it.each(cases.map((c) => [c.attack, c] as const))('%s', async (_attack, c) => {
			const { res, text, body } = await send(c);
			const e = c.expect;
			const why = `${c.endpoint} ${c.attack}: ${res.status} ${text.slice(0, 300)}`;

			// Only filings may add a request (and its replica entry); nothing adds an account.
			const filed = e.kind === 'filed-inert' || e.kind === 'form-filed-inert' ? 1 : 0;
			const footprintAfter = await backOfficeFootprint();
			const after = footprintAfter.requests;
			const startedFrom = { total: footprintBefore.requests, footprint: footprintBefore };
			footprintBefore = footprintAfter;
			if (TOUCHES_ACCOUNTS.test(endpoint)) expect(await accountCount(), why).toBe(accountsBefore);
			expect(footprintAfter.replica, why).toBe(startedFrom.footprint.replica + filed);
			if (e.kind !== 'form-filed-inert' && e.kind !== 'filed-inert') {
				expect(startsSession(res), why).toBe(false);
			}

			switch (e.kind) {
				case 'api-error': {
					expect(res.status, why).toBe(e.status);
					expect(res.headers.get('content-type'), why).toContain('application/json');
					const error = body?.error as Json | undefined;
					expect(error?.code, why).toMatch(/^[a-z_]+$/);
					if (e.code) expect(error?.code, why).toBe(e.code);
					expect(isSpanish(error?.message), why).toBe(true);
					expect(after, why).toBe(startedFrom.total);
					break;
				}
				case 'sync-error': {
					expect(res.status, why).toBe(e.status);
					expect(res.headers.get('content-type'), why).toContain('application/json');
					expect(typeof body?.error, why).toBe('string');
					if (e.code) expect(body?.code, why).toBe(e.code);
					expect(isSpanish(body?.reason), why).toBe(true);
					expect(after, why).toBe(startedFrom.total);
					break;
				}
				case 'filed-inert': {
					expect(res.status, why).toBe(201);
					expect(res.headers.get('content-type'), why).toContain('application/json');
					expect(body?.radicado, why).toMatch(/^PG-\d{4}-\d{6}$/);
					expect(after, why).toBe(startedFrom.total + 1);
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
					expect(after, why).toBe(startedFrom.total);
					break;
				}
				case 'form-error': {
					expect(res.status, why).toBe(e.status);
					for (const raw of RAW_MARKUP) expect(text, why).not.toContain(raw);
					expect(after, why).toBe(startedFrom.total);
					break;
				}
				case 'sign-in': {
					expect(res.status, why).toBe(303);
					expect(res.headers.get('location'), why).toMatch(/^\/gestion\/ingresar/);
					expect(after, why).toBe(startedFrom.total);
					break;
				}
				case 'bulk-not-found': {
					expect(res.status, why).toBe(200);
					const results = body?.results as Array<{ docs: Array<Json> }> | undefined;
					expect(results?.length, why).toBeGreaterThan(0);
					for (const r of results ?? []) {
						expect(r.docs, why).toEqual([
							{ error: expect.objectContaining({ error: 'not_found' }) }
						]);
					}
					expect(after, why).toBe(startedFrom.total);
					break;
				}
				case 'form-filed-inert': {
					expect(res.status, why).toBe(200);
					expect(res.headers.get('content-type'), why).toContain('text/html');
					expect(text, why).toMatch(/PG-\d{4}-\d{6}/);
					for (const raw of RAW_MARKUP) expect(text, why).not.toContain(raw);
					expect(after, why).toBe(startedFrom.total + 1);
					break;
				}
			}
		});

		it('leaves the target request without new events, the accounts as they were, and the server up', async () => {
			expect(await eventsOfFiled()).toBe(eventsBefore);
			expect(await accountCount()).toBe(accountsBefore);
			await expectServerUp();
		});
	});
}

describe('stored script payloads are rendered inert', () => {
	it("an official's answer with markup is escaped on the tracking page and kept verbatim in JSON", async () => {
		const text = `${SCRIPTS['script tag']} ${SCRIPTS['img onerror']} ${SCRIPTS['attribute break-out']}`;
		const added = await fetch(`${server.url}/api/gestion/eventos`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: ctx.sessions.admin },
			body: JSON.stringify({
				clientId: crypto.randomUUID(),
				radicado: ctx.filed.radicado,
				at: new Date().toISOString(),
				event: { kind: 'respuesta', text }
			})
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
		const filedSoFar = (await backOfficeFootprint()).requests;
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

describe('expired sessions', () => {
	it('refuses a session cookie once it expires, even one checked a moment before', async () => {
		const seconds = 5;
		const short = await startServer({
			env: {
				ADMIN_USUARIO: ADMIN_USER,
				ADMIN_CLAVE: ADMIN_PASSWORD,
				SESSION_HOURS: String(seconds / 3600),
				LOGIN_ATTEMPTS_PER_MINUTE: '10000',
				RATE_LIMIT_FACTOR: '1000'
			}
		});
		try {
			const adm = new BackOffice(short.url);
			expect(await adm.signIn(ADMIN_USER, ADMIN_PASSWORD)).toBe(303);
			const yo = () =>
				fetch(`${short.url}/api/gestion/yo`, { headers: { cookie: adm.cookie ?? '' } });
			// Checked once while valid, so the server has it fresh in memory.
			expect((await yo()).status).toBe(200);
			await new Promise((r) => setTimeout(r, seconds * 1000 + 300));

			const res = await yo();
			expect(res.status).toBe(401);
			expect(await res.json()).toMatchObject({ error: { code: 'sesion_requerida' } });
			expect((await adm.page('/gestion/usuarios')).status).toBe(303);
			const create = await adm.action('/gestion/usuarios', {
				username: 'creada.tras.expirar',
				name: 'Creada tras expirar',
				roles: ['administrador'],
				password: ADMIN_PASSWORD
			});
			expect(create.type).toBe('redirect');
			expect(create.location).toMatch(/^\/gestion\/ingresar/);

			const again = new BackOffice(short.url);
			expect(await again.signIn(ADMIN_USER, ADMIN_PASSWORD)).toBe(303);
			expect((await again.page('/gestion/usuarios')).html).not.toContain('creada.tras.expirar');
		} finally {
			await short.stop();
		}
	}, 60_000);
});

describe('hostile case count', () => {
	it('reports how many hostile cases ran', () => {
		const endpoints = new Set(HOSTILE_CASES.map((c) => c.endpoint)).size;
		console.info(`hostile cases: ${HOSTILE_CASES.length} (${endpoints} endpoints)`);
		expect(HOSTILE_CASES.length).toBeGreaterThan(250);
	});
});
