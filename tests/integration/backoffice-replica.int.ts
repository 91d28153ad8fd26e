/**
 * Officials' devices: field captures filed under the official's session, the replica an
 * official's device pulls (ids/revs list + `_bulk_get`, scoped by role), and actions taken
 * offline that sync later exactly once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from '../helpers/backoffice-client';
import { handInMac } from '../../src/lib/crypto/hand-in-mac';
import {
	base,
	fileRequest,
	PASSWORD,
	staff,
	track,
	username,
	type StaffKey
} from './backoffice-fixtures';

let bo: Record<StaffKey, BackOffice>;
const SUFFIX = 'replica';

beforeAll(async () => {
	bo = await staff(SUFFIX);
});

const api = async (who: BackOffice | null, path: string, body?: unknown) => {
	const res = await fetch(`${base}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: {
			...(who?.cookie ? { cookie: who.cookie } : {}),
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return {
		status: res.status,
		body: (await res.json()) as Record<string, unknown>,
		bytes: Number(res.headers.get('content-length') ?? 0)
	};
};

/** One event of `radicado` as the official's replica holds it (`_bulk_get` of the device). */
async function replicaEvent(
	who: BackOffice,
	radicado: string,
	clientId: string
): Promise<{ at: string; deviceAt?: string } | undefined> {
	const index = await api(who, '/api/gestion/replica');
	const ids = (index.body.docs as Array<{ id: string }>)
		.map((d) => d.id)
		.filter((id) => id.startsWith('evento:') && id.endsWith(`:${clientId}`));
	const got = await api(who, '/api/gestion/replica/_bulk_get', { docs: ids.map((id) => ({ id })) });
	const docs = (
		got.body.results as Array<{
			docs: Array<{ ok?: { radicado: string; at: string; deviceAt?: string } }>;
		}>
	)
		.flatMap((r) => r.docs.flatMap((d) => (d.ok ? [d.ok] : [])))
		.filter((d) => d.radicado === radicado);
	return docs[0];
}

const capture = (overrides: Record<string, unknown> = {}) => ({
	id: crypto.randomUUID(),
	form: 'peticion-general',
	capturedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
	anonymous: false,
	applicant: {
		name: 'Rosa Campesina',
		documentType: 'CC',
		documentNumber: '1122334455',
		vereda: 'La Esmeralda'
	},
	consent: { accepted: true, policyVersion: '2026-11', acceptedAt: new Date().toISOString() },
	values: { asunto: 'Puente caído', descripcion: 'El puente de la quebrada se cayó.' },
	pin: '204816',
	fieldCapture: { consentReadAloud: true },
	...overrides
});

describe('field capture', () => {
	it('files a capture under the signed-in field official and shows it in their inbox', async () => {
		const sent = capture();
		const res = await api(bo.campo, '/api/solicitudes', sent);
		expect(res.status).toBe(201);
		const radicado = String(res.body.radicado);
		const page = await bo.campo.page(`/gestion/solicitudes/${radicado}`);
		expect(page.status).toBe(200);
		expect(page.html).toContain(username('campo', SUFFIX));
		expect(page.html).toContain('La Esmeralda');
		// The same capture synced again (a device that lost the answer) is the same request.
		const again = await api(bo.campo, '/api/solicitudes', sent);
		expect(again.status).toBe(200);
		expect(again.body.radicado).toBe(radicado);
	});

	it('refuses captures without a session, by other roles, or anonymous', async () => {
		expect((await api(null, '/api/solicitudes', capture())).body).toMatchObject({
			error: { code: 'sesion_requerida' }
		});
		expect((await api(bo.editor, '/api/solicitudes', capture())).status).toBe(403);
		const anon = await api(
			bo.campo,
			'/api/solicitudes',
			capture({ anonymous: true, applicant: undefined, consent: undefined })
		);
		expect(anon.status).toBe(400);
	});
});

describe('the time a citizen handed a capture to the official', () => {
	/** The capture pass the device of `who` fetches with its identity. */
	const passOf = async (who: BackOffice) => {
		const me = await api(who, '/api/gestion/yo');
		expect(me.status).toBe(200);
		return me.body.capturePass as { pass: string; key: string };
	};
	/** A capture handed in at `at`, signed with `pass` as the device does. */
	const signed = async (pass: { pass: string; key: string }, at: Date) => {
		const sent = capture({ capturedAt: at.toISOString() });
		const mac = await handInMac(pass.key, String(sent.id), at.toISOString());
		return { ...sent, attestation: { channel: 'campo', pass: pass.pass, mac } };
	};
	const handIn = async (page: BackOffice, radicado: unknown) =>
		(await page.page(`/gestion/solicitudes/${String(radicado)}`)).html;

	it('counts from the hand-in when the session it was captured under attests it, even synced under a later one', async () => {
		const device = new BackOffice(base);
		expect(await device.signIn(username('campo', SUFFIX), PASSWORD)).toBe(303);
		const first = await passOf(device);
		const capturedAt = new Date();
		const made = await signed(first, capturedAt);
		const later = await signed(first, new Date(Date.now() + 2_000));
		// The official signs out and in again (back from the vereda): the first session is over.
		await new Promise((r) => setTimeout(r, 2_500));
		await device.signOut();
		expect(await device.signIn(username('campo', SUFFIX), PASSWORD)).toBe(303);

		const filed = await api(device, '/api/solicitudes', made);
		expect(filed.status, JSON.stringify(filed.body)).toBe(201);
		expect(filed.body.handedInAt).toBe(capturedAt.toISOString());
		expect(await handIn(device, filed.body.radicado)).toContain('acreditada por su sesión');
		const tracked = await track(String(filed.body.radicado), '204816');
		expect(tracked).toMatchObject({ handedInAt: capturedAt.toISOString() });

		// Dated after the first session ended (a device clock moved forward): not believed.
		const afterEnd = await signed(first, new Date());
		const late = await api(device, '/api/solicitudes', afterEnd);
		expect(late.status).toBe(201);
		expect(late.body.handedInAt).toBeUndefined();
		expect(await handIn(device, late.body.radicado)).toContain('fuera de la sesión');
		// Captured inside the first session: still believed after it ended.
		expect((await api(device, '/api/solicitudes', later)).body.handedInAt).toBeDefined();
	});

	it('is not believed before the session began, from another official or with an altered time', async () => {
		const pass = await passOf(bo.campo);
		const before = await api(
			bo.campo,
			'/api/solicitudes',
			await signed(pass, new Date(Date.now() - 3_600_000))
		);
		expect(await handIn(bo.campo, before.body.radicado)).toContain('fuera de la sesión');

		const other = new BackOffice(base);
		expect(await other.signIn(username('gobierno', SUFFIX), PASSWORD)).toBe(303);
		const theirs = await api(
			bo.campo,
			'/api/solicitudes',
			await signed(await passOf(other), new Date())
		);
		expect(await handIn(bo.campo, theirs.body.radicado)).toContain('la envió otro funcionario');

		const altered = await signed(pass, new Date());
		altered.capturedAt = new Date(Date.now() - 60_000).toISOString();
		const res = await api(bo.campo, '/api/solicitudes', altered);
		expect(res.status).toBe(201);
		expect(res.body.handedInAt).toBeUndefined();
		expect(await handIn(bo.campo, res.body.radicado)).toContain('sin firma válida');
	});
});

describe("official's replica", () => {
	it('lists and serves only the requests the official may see, without hashes', async () => {
		const { radicado, pin, id } = await fileRequest();
		const note = await api(bo.gobierno, '/api/gestion/eventos', {
			clientId: crypto.randomUUID(),
			radicado,
			at: new Date().toISOString(),
			event: { kind: 'nota', text: 'Visitar la vereda' }
		});
		expect(note.status).toBe(201);
		const index = (await api(bo.gobierno, '/api/gestion/replica')).body as {
			docs: Array<{ id: string; rev: string }>;
		};
		const mine = index.docs.filter((d) => d.id.includes(id));
		expect(mine.map((d) => d.id.split(':')[0]).sort()).toEqual(['evento', 'solicitud']);
		const hacienda = (await api(bo.hacienda, '/api/gestion/replica')).body as {
			docs: Array<{ id: string }>;
		};
		expect(hacienda.docs.some((d) => d.id.includes(id))).toBe(false);

		const got = await api(bo.gobierno, '/api/gestion/replica/_bulk_get', {
			docs: mine.map(({ id }) => ({ id }))
		});
		const results = got.body.results as Array<{ docs: Array<{ ok?: Record<string, unknown> }> }>;
		expect(results.every((r) => r.docs[0]?.ok)).toBe(true);
		expect(JSON.stringify(results)).not.toMatch(/pinHash|payloadHash|scrypt/);
		const stolen = await api(bo.hacienda, '/api/gestion/replica/_bulk_get', {
			docs: mine.map(({ id }) => ({ id }))
		});
		expect(JSON.stringify(stolen.body)).not.toContain('Visitar la vereda');
		expect(JSON.stringify(stolen.body)).toContain('not_found');
		expect(await track(radicado, pin)).toMatchObject({ events: [] });
	});

	it('refuses the replica to anonymous callers and roles without an inbox', async () => {
		expect((await api(null, '/api/gestion/replica')).status).toBe(401);
		expect((await api(bo.editor, '/api/gestion/replica')).status).toBe(403);
		expect(
			(await api(bo.comite, '/api/gestion/replica/_bulk_get', { docs: [{ id: 'x' }] })).status
		).toBe(403);
		expect((await api(bo.gobierno, '/api/gestion/replica/_bulk_get', { docs: [] })).status).toBe(
			400
		);
	});
});

describe("official's resync", () => {
	type List = {
		full: boolean;
		docs: Array<{ id: string }>;
		removed: string[];
		next: string;
	};
	const list = async (who: BackOffice, since?: string) =>
		(await api(who, `/api/gestion/replica${since ? `?since=${encodeURIComponent(since)}` : ''}`))
			.body as unknown as List;
	const note = (who: BackOffice, radicado: string, text: string) =>
		api(who, '/api/gestion/eventos', {
			clientId: crypto.randomUUID(),
			radicado,
			at: new Date().toISOString(),
			event: { kind: 'nota', text }
		});

	it('sends after the first list only what changed, and what moved out of reach to drop', async () => {
		const kept = await fileRequest();
		const moved = await fileRequest();
		const first = await list(bo.gobierno);
		const hacienda0 = await list(bo.hacienda);
		expect(first.full).toBe(true);
		expect(first.docs.some((d) => d.id === `solicitud:${moved.id}`)).toBe(true);

		expect((await note(bo.gobierno, kept.radicado, 'Llamar al solicitante')).status).toBe(201);
		const forward = await api(bo.gobierno, '/api/gestion/eventos', {
			clientId: crypto.randomUUID(),
			radicado: moved.radicado,
			at: new Date().toISOString(),
			event: { kind: 'traslado', dependencia: 'secretaria-de-hacienda', text: 'Es de Hacienda' }
		});
		expect(forward.status).toBe(201);

		const second = await list(bo.gobierno, first.next);
		expect(second.full).toBe(false);
		// Only the request that got a note, whole; nothing of the dozens filed before.
		const ids = second.docs.map((d) => d.id);
		expect(ids).toHaveLength(2);
		expect(ids[0]).toBe(`solicitud:${kept.id}`);
		expect(ids[1]).toMatch(new RegExp(`^evento:${kept.id}:`));
		expect(second.removed).toEqual([moved.id]);

		// Hacienda's device gets the forwarded request; it is never told about Gobierno's own.
		const hacienda = await list(bo.hacienda, hacienda0.next);
		expect(hacienda.full).toBe(false);
		expect(hacienda.docs.map((d) => d.id.split(':')[0])).toEqual(['solicitud', 'evento']);
		expect(hacienda.docs[0]?.id).toBe(`solicitud:${moved.id}`);
		expect(hacienda.removed).toEqual([]);
	});

	it("answers a checkpoint it does not understand or another official's with the full list", async () => {
		const mine = await list(bo.gobierno);
		expect((await list(bo.gobierno2, mine.next)).full).toBe(true);
		expect((await list(bo.gobierno, 'no-es-un-punto-de-control')).full).toBe(true);
		// A checkpoint of another store (wiped, restored or replaced since).
		const [, seq, stamp] = mine.next.split('.');
		expect((await list(bo.gobierno, `otraBaseDeDa.${seq}.${stamp}`)).full).toBe(true);
	});
});

describe('actions taken offline', () => {
	it('stores an action once, however often it is sent, dated by the server and the device', async () => {
		const { radicado, pin } = await fileRequest();
		const action = {
			clientId: crypto.randomUUID(),
			radicado,
			// The device's time: kept as "recorded offline at", never as the legal time.
			at: new Date().toISOString(),
			event: {
				kind: 'respuesta',
				status: 'respondida',
				text: 'Respondida sin señal, en la vereda.'
			}
		};
		expect((await api(bo.gobierno, '/api/gestion/eventos', action)).status).toBe(201);
		expect((await api(bo.gobierno, '/api/gestion/eventos', action)).status).toBe(200);
		const changed = await api(bo.gobierno, '/api/gestion/eventos', {
			...action,
			event: { kind: 'nota', text: 'otra cosa' }
		});
		expect(changed.status).toBe(409);
		const view = (await track(radicado, pin)) as { events: Array<{ at: string }> };
		expect(view.events).toHaveLength(1);
		// The legal time is when the server received it, after the device's.
		expect(view.events[0]!.at >= action.at).toBe(true);
		const stored = await replicaEvent(bo.gobierno, radicado, action.clientId);
		expect(stored).toMatchObject({ deviceAt: action.at });
		expect(stored!.at).toBe(view.events[0]!.at);
	});

	it('dates a post-dated or back-dated action by the server and keeps no impossible device time', async () => {
		const { radicado } = await fileRequest();
		for (const at of [
			new Date(Date.now() + 86_400_000).toISOString(),
			'2020-01-01T00:00:00.000Z'
		]) {
			const before = new Date().toISOString();
			const clientId = crypto.randomUUID();
			const res = await api(bo.gobierno, '/api/gestion/eventos', {
				clientId,
				radicado,
				at,
				event: { kind: 'nota', text: `fechada ${at}` }
			});
			expect(res.status).toBe(201);
			const stored = await replicaEvent(bo.gobierno, radicado, clientId);
			expect(stored!.at >= before && stored!.at <= new Date().toISOString()).toBe(true);
			expect(stored!.deviceAt).toBeUndefined();
		}
	});

	it('orders a post-dated self-assignment by the server: it keeps no access after a forwarding', async () => {
		const { radicado } = await fileRequest();
		// The second official of the office assigns the request to herself, dated next week…
		const mine = await api(bo.gobierno2, '/api/gestion/eventos', {
			clientId: crypto.randomUUID(),
			radicado,
			at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
			event: { kind: 'asignacion', assignee: username('gobierno2', SUFFIX), text: '' }
		});
		expect(mine.status).toBe(201);
		// …then the request is forwarded to another office, now.
		const away = await api(bo.gobierno, '/api/gestion/eventos', {
			clientId: crypto.randomUUID(),
			radicado,
			at: new Date().toISOString(),
			event: { kind: 'traslado', dependencia: 'secretaria-de-hacienda', text: 'Es de Hacienda.' }
		});
		expect(away.status).toBe(201);
		// The forwarding came last in the server's order: she may no longer act on it.
		const after = await api(bo.gobierno2, '/api/gestion/eventos', {
			clientId: crypto.randomUUID(),
			radicado,
			at: new Date().toISOString(),
			event: { kind: 'nota', text: 'sigo aquí' }
		});
		expect(after.status).toBe(404);
	});

	it('refuses actions on requests of another dependencia as unknown', async () => {
		const { radicado } = await fileRequest();
		const base = { radicado, event: { kind: 'nota', text: 'x' } };
		const other = await api(bo.hacienda, '/api/gestion/eventos', {
			...base,
			clientId: crypto.randomUUID(),
			at: new Date().toISOString()
		});
		expect(other.status).toBe(404);
	});
});
