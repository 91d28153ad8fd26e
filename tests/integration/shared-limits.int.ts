/**
 * Rate limits and session revocation shared by every app server: two servers on one store
 * (in a process of its own, as Apache CouchDB would be), with the real limits (factor 1) and the
 * client address taken from `X-Forwarded-For`, so one test can speak from many addresses.
 * Alternating servers and addresses gives an attacker no more than one server and one address
 * would; an official is never locked out of their own known device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { startExternalStore, type ExternalStore } from '../helpers/external-store';
import { BackOffice } from '../helpers/backoffice-client';

const ADMIN = { username: 'admin.limites', password: 'clave-limites-0001' };
let store: ExternalStore;
let servers: RunningServer[] = [];
/** The known-device cookie of the official's usual browser. */
let knownDevice = '';

beforeAll(async () => {
	store = await startExternalStore();
	const env = {
		COUCHDB_URL: store.url,
		ADMIN_USUARIO: ADMIN.username,
		ADMIN_CLAVE: ADMIN.password,
		ADDRESS_HEADER: 'x-forwarded-for',
		RATE_LIMIT_FACTOR: '1',
		LOGIN_ATTEMPTS_PER_MINUTE: '4'
	};
	servers = [await startServer({ env }), await startServer({ env })];
	// The official's usual browser, before anyone guesses at the account.
	const first = await signIn(0, newAddress(), ADMIN.password);
	expect(first.status).toBe(303);
	knownDevice = first.device!;
}, 180_000);

afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	await store?.remove();
});

let nextAddress = 1;
/** A client address nobody used yet in this file. */
const newAddress = () => `10.7.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;
const server = (i: number) => servers[i % servers.length]!.url;

/** A sign-in form post from `address`, with an optional known-device cookie. */
async function signIn(
	i: number,
	address: string,
	password: string,
	device?: string,
	username = ADMIN.username
): Promise<{ status: number; session?: string; device?: string }> {
	const base = server(i);
	const res = await fetch(`${base}/gestion/ingresar`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': address,
			...(device ? { cookie: `ventanilla_equipo=${device}` } : {})
		},
		body: new URLSearchParams({ usuario: username, clave: password })
	});
	await res.arrayBuffer();
	const cookies = res.headers.getSetCookie();
	const value = (name: string) =>
		cookies.map((c) => new RegExp(`^${name}=([^;]+)`).exec(c)?.[1]).find(Boolean);
	return {
		status: res.status,
		session: value('ventanilla_sesion'),
		device: value('ventanilla_equipo')
	};
}

async function file(i: number, address: string, pin = '482913') {
	const res = await fetch(`${server(i)}/api/solicitudes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
		body: JSON.stringify({
			id: crypto.randomUUID(),
			form: 'peticion-general',
			capturedAt: new Date().toISOString(),
			anonymous: true,
			values: { asunto: 'Límites compartidos', descripcion: 'Una petición de prueba.' },
			pin
		})
	});
	return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

async function track(i: number, address: string, radicado: string, pin: string) {
	const res = await fetch(`${server(i)}/api/seguimiento`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
		body: JSON.stringify({ items: [{ radicado, pin }] })
	});
	return { status: res.status, body: (await res.json()) as { items?: unknown[] } };
}

describe('limits shared by every server', () => {
	it('gives no more PIN guesses per radicado across servers and addresses than one server gives', async () => {
		const filed = await file(0, newAddress(), '111111');
		expect(filed.status).toBe(201);
		const radicado = (filed.body as { radicado: string }).radicado;
		// The right PIN never counts as a guess.
		for (let i = 0; i < 3; i++) {
			expect((await track(i, newAddress(), radicado, '111111')).body.items?.[0]).not.toBeNull();
		}
		const answers: number[] = [];
		for (let i = 0; i < 6; i++) {
			answers.push((await track(i, newAddress(), radicado, String(200000 + i))).status);
		}
		// 5 wrong PINs an hour, whichever server and address they come from.
		expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
		// Once shut, the right PIN gets the same refusal: the limit caps guessing.
		const right = await track(1, newAddress(), radicado, '111111');
		expect(right.status).toBe(429);
		expect(right.body).toMatchObject({
			error: { code: 'demasiados_intentos', message: expect.stringMatching(/intentos/i) }
		});
	});

	it('limits sign-in attempts per address across servers', async () => {
		const address = newAddress();
		const statuses: number[] = [];
		// An account that does not exist, 4 attempts a minute per address: the address limit shuts
		// before the 5 failures an account (known or not) is allowed.
		for (let i = 0; i < 5; i++) {
			statuses.push((await signIn(i, address, `mala-${i}`, undefined, 'nadie.aqui')).status);
		}
		expect(statuses).toEqual([401, 401, 401, 401, 429]);
	});

	it('slows guessing at an account from new devices, never its official on a known device', async () => {
		expect(knownDevice).toMatch(/^admin\.limites\.[\w-]{16}\.[\w-]{43}$/);
		// An attacker spreads wrong passwords over both servers and many addresses.
		const guesses: number[] = [];
		for (let i = 0; i < 6; i++) guesses.push((await signIn(i, newAddress(), `mala-${i}`)).status);
		expect(guesses.slice(0, 5).every((s) => s !== 303 && s !== 429)).toBe(true);
		expect(guesses[5]).toBe(429);
		// A new device, even with the right password, waits…
		expect((await signIn(1, newAddress(), ADMIN.password)).status).toBe(429);
		// …but the official's own browser signs in at once, on either server.
		for (const i of [0, 1]) {
			expect((await signIn(i, newAddress(), ADMIN.password, knownDevice)).status).toBe(303);
		}
		// A forged or copied-to-another-account cookie is no known device.
		const forged = `${ADMIN.username}.AAAAAAAAAAAAAAAA.${'x'.repeat(43)}`;
		expect((await signIn(0, newAddress(), ADMIN.password, forged)).status).toBe(429);
	});

	it('refuses floods of filings from one address, in Spanish, without touching honest devices', async () => {
		const flooder = newAddress();
		const sent = await Promise.all(Array.from({ length: 36 }, (_, i) => file(i, flooder)));
		const filed = sent.filter((r) => r.status === 201);
		const refused = sent.filter((r) => r.status === 429);
		expect(filed.length).toBeLessThanOrEqual(30);
		expect(filed.length + refused.length).toBe(36);
		expect(Number(refused[0]?.retryAfter)).toBeGreaterThan(0);
		expect(refused[0]?.body).toMatchObject({
			error: { code: 'demasiados_intentos', message: expect.stringMatching(/intentos/i) }
		});
		// Another citizen files normally meanwhile, on either server.
		expect((await file(0, newAddress())).status).toBe(201);
		expect((await file(1, newAddress())).status).toBe(201);
	});

	it('gives one address 120 pieces of photos in 10 minutes across servers, others keep sending', async () => {
		const sender = newAddress();
		const piece = (i: number, address: string) =>
			fetch(`${server(i)}/api/solicitudes/adjuntos/${crypto.randomUUID()}/0`, {
				method: 'PUT',
				headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
				body: JSON.stringify({ data: '/9j/4AAQ' })
			});
		const sent = [];
		for (let i = 0; i < 124; i += 4) {
			sent.push(...(await Promise.all([0, 1, 2, 3].map((k) => piece(i + k, sender)))));
		}
		const statuses = sent.map((r) => r.status);
		expect(statuses.filter((s) => s === 200)).toHaveLength(120);
		const refused = sent.filter((r) => r.status === 429);
		expect(refused).toHaveLength(4);
		expect(await refused[0]?.json()).toMatchObject({ error: { code: 'demasiados_intentos' } });
		expect((await piece(1, newAddress())).status).toBe(200);
	});
});

describe('guessing through an open session', () => {
	it('is limited like sign-in: 5 wrong current passwords, then even the right one waits', async () => {
		const signedIn = await signIn(1, newAddress(), ADMIN.password, knownDevice);
		const session = new BackOffice(server(1), `ventanilla_sesion=${signedIn.session}`);
		const change = (actual: string) =>
			session.action('/gestion/cuenta?/clave', {
				actual,
				nueva: 'clave-nueva-propia-2',
				repetida: 'clave-nueva-propia-2'
			});
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) statuses.push((await change(`intento-${i}-equivocado`)).status);
		expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
		const right = await change(ADMIN.password);
		expect(right.status).toBe(429);
		expect(right.data?.problem).toBe('demasiados_intentos');
	});
});

describe('sessions shared by every server', () => {
	it('a sign-out on one server is refused on the other at once', async () => {
		const signedIn = await signIn(0, newAddress(), ADMIN.password, knownDevice);
		expect(signedIn.status).toBe(303);
		const a = new BackOffice(server(0), `ventanilla_sesion=${signedIn.session}`);
		const b = new BackOffice(server(1), `ventanilla_sesion=${signedIn.session}`);
		expect((await b.page('/gestion')).status).toBe(200);
		await a.signOut();
		const after = await b.page('/gestion');
		expect(after.status).toBe(303);
		expect(after.location).toMatch(/\/gestion\/ingresar/);
	});
});
