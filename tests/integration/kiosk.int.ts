/**
 * Kiosks against the real server: enrollment codes (one-time, expiring), the device cookie
 * (forged, replaced, revoked), sealed requests (idempotent, 409 on a different payload, clear
 * 4xx on tampering), tracking by provisional code + PIN, and who may manage kiosks.
 *
 * Runs on its own server: codes here expire after ~11 s (`KIOSK_CODE_HOURS`).
 */
import * as devalue from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../helpers/app-server.js';
import { BackOffice, ownServerWithAdmin } from '../helpers/backoffice-client';
import {
	sealedRequest,
	sealSubmission,
	toBase64,
	type PublicSealKey,
	type SealedSubmission
} from '../../src/lib/crypto/seal';
import { handInMac } from '../../src/lib/crypto/hand-in-mac';

const ADMIN = { username: 'admin.kioscos', password: 'clave-de-pruebas-kiosco-1' };
const CODE_HOURS = 0.003;
let server: RunningServer;
let adm: BackOffice;

beforeAll(async () => {
	({ server, adm } = await ownServerWithAdmin(ADMIN, {
		KIOSK_CODE_HOURS: String(CODE_HOURS),
		TRACKING_LOOKUPS_PER_MINUTE: '10000',
		RATE_LIMIT_FACTOR: '1000'
	}));
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

async function register(name: string, extra: Record<string, string> = {}) {
	const res = await adm.action('/gestion/kioscos?/registrar', {
		name,
		place: 'Alcaldía, primer piso',
		...extra
	});
	expect(res.type, JSON.stringify(res.data)).toBe('success');
	const issued = res.data!.issued as { code: string; expiresAt: string };
	expect(issued.code).toMatch(
		/^[346789ABCDEFGHJKMNPQRTUVWXY]{4}-[346789ABCDEFGHJKMNPQRTUVWXY]{4}$/
	);
	const list = await adm.page('/gestion/kioscos');
	const id = new RegExp(`name="id" value="([0-9a-f-]{36})"`).exec(
		list.html.slice(list.html.indexOf(name))
	)?.[1];
	return { code: issued.code, expiresAt: issued.expiresAt, id: id! };
}

/** Posts the activation form as the kiosk's browser does; returns the outcome and the cookie. */
async function activate(code: string) {
	const res = await fetch(`${server.url}/kiosco/activar`, {
		method: 'POST',
		headers: {
			origin: server.url,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ codigo: code })
	});
	const body = (await res.json()) as { type: string; status?: number; data?: string };
	const cookie = /ventanilla_kiosco=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
	return {
		type: body.type,
		status: body.status,
		data: body.data ? (devalue.parse(body.data) as Record<string, unknown>) : undefined,
		cookie: cookie ? `ventanilla_kiosco=${cookie}` : undefined
	};
}

async function whoAmI(cookie?: string) {
	const res = await fetch(`${server.url}/api/kiosco/yo`, {
		headers: cookie ? { cookie } : {}
	});
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('kiosk enrollment', () => {
	it('enrolls a device with a one-time code and marks its pages as a kiosk', async () => {
		const k = await register('Kiosco entrada', { idleSeconds: '45', countdownSeconds: '15' });
		const first = await activate(k.code.toLowerCase().replace('-', ' '));
		expect(first.type).toBe('success');
		expect(first.cookie).toBeTruthy();
		expect(await whoAmI(first.cookie)).toMatchObject({
			status: 200,
			body: { name: 'Kiosco entrada', idleSeconds: 45, countdownSeconds: 15 }
		});
		const home = await fetch(`${server.url}/`, { headers: { cookie: first.cookie! } });
		expect(await home.text()).toMatch(/<html class="kiosco" lang=/);
		// The same code again, from the same or another device: refused.
		const again = await activate(k.code);
		expect(again).toMatchObject({ type: 'failure', status: 400, cookie: undefined });
		// The first device is unaffected.
		expect((await whoAmI(first.cookie)).status).toBe(200);
	});

	it('refuses an expired code, and a new code replaces the old device', async () => {
		const k = await register('Kiosco vencido');
		await new Promise((r) => setTimeout(r, CODE_HOURS * 3_600_000 + 500));
		expect(await activate(k.code)).toMatchObject({ type: 'failure', status: 400 });

		const renewed = await adm.action('/gestion/kioscos?/codigo', { id: k.id });
		expect(renewed.type).toBe('success');
		const code2 = (renewed.data!.issued as { code: string }).code;
		const dev1 = await activate(code2);
		expect(dev1.type).toBe('success');
		const code3 = (
			(await adm.action('/gestion/kioscos?/codigo', { id: k.id })).data!.issued as {
				code: string;
			}
		).code;
		// The older code stopped working when the newer was issued.
		const dev2 = await activate(code3);
		expect(dev2.type).toBe('success');
		expect((await whoAmI(dev1.cookie)).status).toBe(404);
		expect((await whoAmI(dev2.cookie)).status).toBe(200);
	}, 60_000);

	it('refuses forged and revoked cookies; a revoked kiosk cannot be enrolled again', async () => {
		expect(await whoAmI('ventanilla_kiosco=' + 'A'.repeat(43))).toMatchObject({
			status: 404,
			body: { error: { code: 'no_es_kiosco' } }
		});
		expect((await whoAmI('ventanilla_kiosco=../../x')).status).toBe(404);
		expect((await whoAmI()).status).toBe(404);

		const k = await register('Kiosco revocado');
		const dev = await activate(k.code);
		expect((await whoAmI(dev.cookie)).status).toBe(200);
		const revoked = await adm.action('/gestion/kioscos?/revocar', { id: k.id });
		expect(revoked.type).toBe('success');
		// Replayed after revocation: nothing, at once on this server.
		expect((await whoAmI(dev.cookie)).status).toBe(404);
		const home = await fetch(`${server.url}/`, { headers: { cookie: dev.cookie! } });
		expect(await home.text()).not.toContain('class="kiosco"');
		const renewed = await adm.action('/gestion/kioscos?/codigo', { id: k.id });
		expect(renewed).toMatchObject({ type: 'failure', status: 409 });
		const list = await adm.page('/gestion/kioscos');
		expect(list.html).toContain('Revocado');
	});

	it('keeps only hashes of codes and tokens: the list never shows a code again', async () => {
		const k = await register('Kiosco discreto');
		const list = await adm.page('/gestion/kioscos');
		expect(list.html).not.toContain(k.code);
		expect(list.html).toContain('Código vigente hasta');
	});

	it('lets only administrators manage kiosks', async () => {
		const anon = await new BackOffice(server.url).page('/gestion/kioscos');
		expect(anon.status).toBe(303);
		expect(anon.location).toMatch(/^\/gestion\/ingresar/);
		const created = await adm.action('/gestion/usuarios', {
			username: 'editor.kioscos',
			name: 'Editora',
			roles: ['editor'],
			password: ADMIN.password
		});
		expect(created.type).toBe('success');
		const editor = new BackOffice(server.url);
		expect(await editor.signIn('editor.kioscos', ADMIN.password)).toBe(303);
		expect((await editor.page('/gestion/kioscos')).status).toBe(403);
		const refused = await editor.action('/gestion/kioscos?/registrar', {
			name: 'Intruso',
			place: 'x'
		});
		expect(refused.status).toBe(403);
		expect((await adm.page('/gestion/kioscos')).html).not.toContain('Intruso');
	});

	it('refuses a kiosk without a name or with timeouts out of range, in Spanish', async () => {
		const res = await adm.action('/gestion/kioscos?/registrar', {
			name: '',
			place: 'Alcaldía',
			idleSeconds: '2'
		});
		expect(res).toMatchObject({ type: 'failure', status: 400 });
		expect(res.data!.issues).toEqual(
			expect.arrayContaining([
				{ path: 'name', code: 'requerido' },
				{ path: 'idleSeconds', code: 'fuera_de_rango' }
			])
		);
	});
});

describe('the end of a kiosk session on the server', () => {
	const end = (cookie: string) =>
		fetch(`${server.url}/api/kiosco/terminar`, { method: 'POST', headers: { cookie } });
	const signedIn = async (session: string) =>
		(await fetch(`${server.url}/api/gestion/yo`, { headers: { cookie: session } })).status;

	it('removes the HttpOnly cookies a script cannot and signs out an official, keeping the enrolment', async () => {
		const k = await register('Kiosco fin de sesión');
		const device = await activate(k.code);
		const official = new BackOffice(server.url);
		expect(await official.signIn(ADMIN.username, ADMIN.password)).toBe(303);
		const session = official.cookie!;
		const personal = `${session}; ventanilla_dispositivo=${'d'.repeat(43)}; ventanilla_recibo=${'r'.repeat(43)}; ventanilla_idioma=en`;

		// Not a kiosk: refused, nothing removed.
		const refused = await end(personal);
		expect(refused.status).toBe(404);
		expect(refused.headers.getSetCookie()).toEqual([]);
		expect(await signedIn(session)).toBe(200);

		const res = await end(`${device.cookie}; ${personal}`);
		expect(res.status).toBe(204);
		const removed = res.headers
			.getSetCookie()
			.filter((c) => /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))
			.map((c) => c.slice(0, c.indexOf('=')));
		expect(removed.sort()).toEqual([
			'ventanilla_dispositivo',
			'ventanilla_idioma',
			'ventanilla_recibo',
			'ventanilla_sesion'
		]);
		expect(await signedIn(session)).toBe(401);
		expect((await whoAmI(device.cookie)).status).toBe(200);
	});
});

describe('sealed kiosk requests', () => {
	let key: PublicSealKey;
	beforeAll(async () => {
		const res = await fetch(`${server.url}/api/kiosco/clave`);
		expect(res.status).toBe(200);
		key = (await res.json()) as PublicSealKey;
	});

	const body = (id: string, asunto = 'Alumbrado del parque apagado') => ({
		id,
		form: 'peticion-general',
		capturedAt: new Date().toISOString(),
		anonymous: false,
		applicant: { name: 'Rosalba Quinchoa', documentType: 'CC' as const, documentNumber: '112233' },
		consent: {
			accepted: true as const,
			policyVersion: '2026-11',
			acceptedAt: new Date().toISOString()
		},
		values: { asunto, descripcion: 'Lleva un mes apagado.' },
		attachments: [],
		pin: '482913'
	});

	async function send(sealed: SealedSubmission, headers: Record<string, string> = {}) {
		const { url, init } = sealedRequest(sealed);
		const res = await fetch(`${server.url}${url}`, {
			...init,
			headers: { ...(init.headers as Record<string, string>), ...headers }
		});
		return { status: res.status, body: (await res.json()) as Record<string, unknown> };
	}

	it('serves the same public key to everyone, every time', async () => {
		const again = (await (await fetch(`${server.url}/api/kiosco/clave`)).json()) as PublicSealKey;
		expect(again).toEqual(key);
		expect(key.kid).toMatch(/^[0-9a-f]{16}$/);
	});

	it('files a sealed request once: same request again (even resealed) = same radicado; different = 409', async () => {
		const id = crypto.randomUUID();
		const request = body(id);
		const sealed = await sealSubmission(request, key);
		const first = await send(sealed);
		expect(first.status, JSON.stringify(first.body)).toBe(201);
		expect(first.body.radicado).toMatch(/^PG-\d{4}-\d{6}$/);
		const replay = await send(sealed);
		expect(replay).toMatchObject({ status: 200, body: { radicado: first.body.radicado } });
		const resealed = await send(await sealSubmission(request, key));
		expect(resealed).toMatchObject({ status: 200, body: { radicado: first.body.radicado } });
		const other = await send(
			await sealSubmission({ ...request, values: { asunto: 'Otra cosa', descripcion: 'x' } }, key)
		);
		expect(other).toMatchObject({ status: 409, body: { error: { code: 'conflicto_id' } } });
	});

	it('answers a tampered or foreign envelope with a clear 4xx and files nothing', async () => {
		const id = crypto.randomUUID();
		const sealed = await sealSubmission(body(id), key);
		const flipped = new Uint8Array(sealed.data.slice(0));
		flipped[0] = flipped[0]! ^ 0x80;
		const tampered = await send({ ...sealed, data: flipped.buffer });
		expect(tampered).toMatchObject({ status: 400, body: { error: { code: 'sellado_invalido' } } });
		expect(String((tampered.body.error as { message: string }).message)).toMatch(/sellada/);
		const wrongKid = await send({ ...sealed, kid: '0000000000000000' });
		expect(wrongKid.status).toBe(400);
		const badKey = await send({ ...sealed, key: toBase64(new Uint8Array(384)) });
		expect(badKey.status).toBe(400);
		// Moved to another id: the id is bound to the ciphertext.
		const moved = await send({ ...sealed, id: crypto.randomUUID() });
		expect(moved.status).toBe(400);
		const asJson = await send(sealed, { 'content-type': 'application/json' });
		expect(asJson.status).toBe(415);
		// None of them was filed: the genuine envelope still files fresh.
		expect((await send(sealed)).status).toBe(201);
	});

	it('validates what is inside with the same rules as any request', async () => {
		const id = crypto.randomUUID();
		const noConsent = { ...body(id) } as Record<string, unknown>;
		delete noConsent.consent;
		const res = await send(await sealSubmission(noConsent as never, key));
		expect(res).toMatchObject({ status: 400, body: { error: { code: 'solicitud_invalida' } } });
		const capture = await send(
			await sealSubmission(
				{ ...body(crypto.randomUUID()), fieldCapture: { consentReadAloud: true } },
				key
			)
		);
		expect(capture.status).toBe(400);
	});

	it('tracks a kiosk request by its provisional code and PIN once it is filed', async () => {
		const id = crypto.randomUUID();
		const filed = await send(await sealSubmission(body(id), key));
		expect(filed.status).toBe(201);
		const provisional = `PEND-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
		const track = async (radicado: string, pin: string) => {
			const res = await fetch(`${server.url}/api/seguimiento`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ items: [{ radicado, pin }] })
			});
			return ((await res.json()) as { items: Array<Record<string, unknown> | null> }).items[0];
		};
		expect(await track(provisional, '482913')).toMatchObject({
			radicado: filed.body.radicado,
			status: 'radicada'
		});
		expect(await track(provisional.toLowerCase(), '482913')).toMatchObject({
			radicado: filed.body.radicado
		});
		expect(await track(provisional, '000000')).toBeNull();
		expect(await track('PEND-00000000', '482913')).toBeNull();
		// The no-JavaScript tracking form takes it too.
		const form = await fetch(`${server.url}/seguimiento`, {
			method: 'POST',
			headers: {
				origin: server.url,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ radicado: provisional, pin: '482913' })
		});
		const result = (await form.json()) as { type: string; data: string };
		expect(result.type).toBe('success');
		expect(result.data).toContain(String(filed.body.radicado));
	});
	describe('the time a citizen handed the request in', () => {
		let kiosk: { id: string; handInKey: string };
		beforeAll(async () => {
			const k = await register('Kiosco de entrega');
			const enrolled = await activate(k.code);
			const me = await whoAmI(enrolled.cookie);
			expect(me.body.handInKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
			kiosk = { id: k.id, handInKey: String(me.body.handInKey) };
			// Kiosks are never told another kiosk's key, and a citizen's device none.
			expect((await whoAmI()).body.handInKey).toBeUndefined();
		});

		const handedIn = async (capturedAt: Date, macKey = kiosk.handInKey, kioskId = kiosk.id) => {
			const id = crypto.randomUUID();
			const request = { ...body(id), capturedAt: capturedAt.toISOString() };
			const mac = await handInMac(macKey, id, request.capturedAt);
			return send(
				await sealSubmission(
					{ ...request, attestation: { channel: 'kiosco' as const, kiosk: kioskId, mac } },
					key
				)
			);
		};

		it("is the term's start when the kiosk signs it: the receipt says when it was received and when it was numbered", async () => {
			const capturedAt = new Date();
			const filed = await handedIn(capturedAt);
			expect(filed.status, JSON.stringify(filed.body)).toBe(201);
			expect(filed.body.handedInAt).toBe(capturedAt.toISOString());
			expect(Date.parse(String(filed.body.receivedAt))).toBeGreaterThanOrEqual(+capturedAt);
			const page = await adm.page(`/gestion/solicitudes/${String(filed.body.radicado)}`);
			expect(page.html).toContain('acreditada por el kiosco');
		});

		it("is not believed before the enrolment, from the future, under a forged signature or another kiosk's name", async () => {
			const before = await handedIn(new Date(Date.now() - 3_600_000));
			const future = await handedIn(new Date(Date.now() + 3_600_000));
			const forged = await handedIn(new Date(), toBase64(new Uint8Array(32)));
			const otherKiosk = await handedIn(new Date(), kiosk.handInKey, crypto.randomUUID());
			for (const [outcome, reason] of [
				[before, 'el kiosco no estaba activo a esa hora'],
				[future, 'la hora es posterior a la llegada'],
				[forged, 'sin firma válida'],
				[otherKiosk, 'sin firma válida']
			] as const) {
				// Filed all the same, dated by their arrival: the request is never lost.
				expect(outcome.status, JSON.stringify(outcome.body)).toBe(201);
				expect(outcome.body.handedInAt).toBeUndefined();
				const page = await adm.page(`/gestion/solicitudes/${String(outcome.body.radicado)}`);
				expect(page.html).toContain(reason);
			}
		});
	});
});
