/**
 * The register of unused radicado numbers (legal review 5.3, AGN Acuerdo 060 art. 5 par.) on a
 * server of its own whose store the test writes to directly, to leave the gaps the allocator's
 * README names: a claim whose request was never stored, a request that holds another of its
 * claims, and a number with no claim at all. The administrator sees each with its cause and
 * signs a justification once; a retry of the request takes its number back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { BackOffice } from '../helpers/backoffice-client';
import { startExternalStore, type ExternalStore } from '../helpers/external-store';

const ADMIN = { username: 'admin.numeros', password: 'clave-de-numeros-0001' };
const PAGE = '/gestion/numeros-no-utilizados';
const REASON = 'La solicitud no se guardó por una caída del almacén y el equipo no la reenvió.';

let store: ExternalStore;
let server: RunningServer;
let adm: BackOffice;

beforeAll(async () => {
	store = await startExternalStore();
	server = await startServer({
		env: { COUCHDB_URL: store.url, ADMIN_USUARIO: ADMIN.username, ADMIN_CLAVE: ADMIN.password }
	});
	adm = new BackOffice(server.url);
	expect(await adm.signIn(ADMIN.username, ADMIN.password)).toBe(303);
}, 180_000);

afterAll(async () => {
	await server?.stop();
	await store?.remove();
});

function request(id: string = crypto.randomUUID()) {
	return {
		id,
		form: 'peticion-general',
		capturedAt: new Date().toISOString(),
		anonymous: true,
		values: { asunto: 'Vía en mal estado', descripcion: 'La vía a la vereda está intransitable.' },
		pin: '551903'
	};
}

async function file(body = request()): Promise<{ id: string; radicado: string }> {
	const res = await fetch(`${server.url}/api/solicitudes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	expect(res.status, await res.clone().text()).toBe(201);
	return (await res.json()) as { id: string; radicado: string };
}

/** Writes a document straight into the requests database, as a failed filing leaves it. */
async function plant(doc: Record<string, unknown>) {
	const res = await store.fetch(`solicitudes/${encodeURIComponent(String(doc._id))}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(doc)
	});
	expect(res.status, await res.text()).toBe(201);
}

const number = (series: string, n: number) => `${series}-${String(n).padStart(6, '0')}`;

function claim(series: string, n: number, solicitud: string) {
	const radicado = number(series, n);
	return plant({
		_id: `radicado:${radicado}`,
		type: 'radicado',
		radicado,
		series,
		number: n,
		solicitud,
		at: new Date().toISOString()
	});
}

const rowOf = (html: string, radicado: string) =>
	new RegExp(`<tr[^>]*data-radicado="${radicado}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';

describe('numbers claimed and never used', () => {
	let series = '';
	let lost = '';
	let first = { id: '', radicado: '' };

	it('lists each unused number with why it stayed unused', async () => {
		first = await file();
		await file();
		series = first.radicado.slice(0, -7);
		expect(first.radicado).toBe(number(series, 1));
		// 3: its request's write failed after the claim; 4: a copy of the first request claimed
		// it too; 5: no claim at all; 6: claimed by a request that was never stored.
		lost = crypto.randomUUID();
		await plant({
			_id: `intento:${lost}`,
			type: 'intento',
			solicitud: lost,
			at: new Date().toISOString()
		});
		await claim(series, 3, lost);
		await claim(series, 4, first.id);
		await claim(series, 6, crypto.randomUUID());

		const page = await adm.page(PAGE);
		expect(page.status).toBe(200);
		expect(page.html).toContain(
			`Serie ${series}. Números reservados: 5. Sin usar: 4. Sin justificar: 4.`
		);
		const rows = [...page.html.matchAll(/data-radicado="([A-Z]+-\d{4}-\d{6})"/g)].map((m) => m[1]);
		expect(rows).toEqual([3, 4, 5, 6].map((n) => number(series, n)));
		expect(rowOf(page.html, number(series, 3))).toContain('La solicitud no llegó a guardarse');
		expect(rowOf(page.html, number(series, 3))).toContain(lost);
		expect(rowOf(page.html, number(series, 4))).toContain('quedó guardada con otro número');
		expect(rowOf(page.html, number(series, 5))).toContain('Este número no tiene reserva');
	});

	it('signs a justification once, with the official and the server time, and never a used number', async () => {
		const target = number(series, 5);
		const short = await adm.action(`${PAGE}?/justificar`, { radicado: target, reason: 'caída' });
		expect(short.status).toBe(400);
		expect(short.data?.issues).toEqual([expect.objectContaining({ path: 'reason' })]);

		const before = Date.now();
		const done = await adm.action(`${PAGE}?/justificar`, { radicado: target, reason: REASON });
		expect(done.type, JSON.stringify(done.data)).toBe('success');
		expect(done.data).toEqual({ justified: target });

		const again = await adm.action(`${PAGE}?/justificar`, {
			radicado: target,
			reason: `${REASON} Otra.`
		});
		expect(again.status).toBe(409);
		expect(again.data?.refused).toBe('ya_justificado');
		const used = await adm.action(`${PAGE}?/justificar`, {
			radicado: first.radicado,
			reason: REASON
		});
		expect(used.status).toBe(409);
		expect(used.data?.refused).toBe('numero_en_uso');

		const stored = (await (await store.fetch(`solicitudes/justificacion:${target}`)).json()) as {
			_rev: string;
			reason: string;
			by: string;
			at: string;
		};
		expect(stored).toMatchObject({ reason: REASON, by: ADMIN.username });
		expect(Date.parse(stored.at)).toBeGreaterThanOrEqual(before - 1000);
		// Not even the store's own clients may change it afterwards.
		const change = await store.fetch(`solicitudes/justificacion:${target}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...stored, reason: 'Otra razón escrita después de firmada.' })
		});
		expect(change.status).toBe(403);

		const page = await adm.page(PAGE);
		expect(page.html).toContain('Sin justificar: 3.');
		const row = rowOf(page.html, target);
		expect(row).toContain(REASON);
		expect(row).toMatch(/Firmada por [^<]+ \(admin\.numeros\)/);
		expect(row).not.toContain('name="reason"');
	});

	it('gives a retried request the number it claimed, which then leaves the register', async () => {
		const retried = await file(request(lost));
		expect(retried.radicado).toBe(number(series, 3));
		const page = await adm.page(PAGE);
		expect(page.html).not.toContain(`data-radicado="${number(series, 3)}"`);
		expect(page.html).toContain('Sin usar: 3.');
		// The next request is numbered after the highest claim: the register's gaps stay gaps.
		expect((await file()).radicado).toBe(number(series, 7));
	});

	it('is only for accounts that may sign justifications', async () => {
		const res = await adm.action('/gestion/usuarios', {
			username: 'func.numeros',
			name: 'Funcionaria de Prueba',
			roles: ['funcionario'],
			dependencia: 'secretaria-de-gobierno',
			password: 'clave-de-numeros-0002'
		});
		expect(res.type).toBe('success');
		const official = new BackOffice(server.url);
		expect(await official.signIn('func.numeros', 'clave-de-numeros-0002')).toBe(303);
		expect((await official.page(PAGE)).status).toBe(403);
		const post = await official.action(`${PAGE}?/justificar`, {
			radicado: number(series, 6),
			reason: REASON
		});
		expect(post.status).toBe(403);
		expect((await adm.page(PAGE)).html).toContain('Sin justificar: 2.');
	});
});

describe('outgoing numbers claimed and never used', () => {
	/** An official's answer to `radicado` under `clientId`; its outgoing number. */
	async function act(radicado: string, clientId: string, text: string): Promise<string> {
		const { status, body } = await adm.event(radicado, { kind: 'respuesta', text }, clientId);
		expect(status, JSON.stringify(body)).toBeLessThan(300);
		return body.outgoing!;
	}

	it('lists an outgoing number whose action was never stored, apart from the entry series', async () => {
		const used = await act((await file()).radicado, crypto.randomUUID(), 'Respuesta enviada.');
		const outSeries = used.slice(0, -7);
		expect(outSeries).toMatch(/^PGS-\d{4}$/);
		// 2: the answer's write failed after its number was claimed; 3: no claim at all.
		const lostAction = crypto.randomUUID();
		await plant({
			_id: `intento:${lostAction}`,
			type: 'intento',
			solicitud: lostAction,
			at: new Date().toISOString()
		});
		await claim(outSeries, Number(used.slice(-6)) + 1, lostAction);
		await claim(outSeries, Number(used.slice(-6)) + 3, crypto.randomUUID());
		const next = (d: number) => number(outSeries, Number(used.slice(-6)) + d);
		const [two, three, four] = [next(1), next(2), next(3)];

		const page = await adm.page(`${PAGE}?serie=salida`);
		expect(page.html).toContain(`Serie ${outSeries}. Números reservados: 3. Sin usar: 3.`);
		expect(rowOf(page.html, two)).toContain('La respuesta o comunicación no llegó a guardarse');
		expect(rowOf(page.html, two)).toContain(`Reservado para la actuación ${lostAction}`);
		expect(rowOf(page.html, three)).toContain('Este número no tiene reserva');
		expect(rowOf(page.html, four)).toContain('no llegó a guardarse');
		expect(page.html).not.toContain(`data-radicado="${used}"`);
		// The entry series' register does not mix them in.
		expect((await adm.page(PAGE)).html).not.toContain(`data-radicado="${two}"`);

		const signed = await adm.action(`${PAGE}?/justificar`, { radicado: three, reason: REASON });
		expect(signed.data).toEqual({ justified: three });
		const inUse = await adm.action(`${PAGE}?/justificar`, { radicado: used, reason: REASON });
		expect(inUse.data?.refused).toBe('numero_en_uso');
		const foreign = await adm.action(`${PAGE}?/justificar`, {
			radicado: `XX-${outSeries.slice(-4)}-000002`,
			reason: REASON
		});
		expect(foreign.data?.refused).toBe('numero_en_uso');

		// The same action sent again (the official's device retrying) takes its number back.
		expect(await act((await file()).radicado, lostAction, 'Respuesta reenviada.')).toBe(two);
		const after = await adm.page(`${PAGE}?serie=salida`);
		expect(after.html).not.toContain(`data-radicado="${two}"`);
		expect(rowOf(after.html, three)).toMatch(/Firmada por [^<]+ \(admin\.numeros\)/);
	});
});
