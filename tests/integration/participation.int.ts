/**
 * Participation against the real server (#5): answers to consultas counted once per device,
 * refused outside their dates or when they do not fit the questions, results hidden until the
 * close; comments on proyectos de acuerdo cleaned, kept pending until an editor approves them,
 * shown escaped, and moderated only by editors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, bogotaDate } from '../../src/lib/domain/calendar-date';
import type { RunningServer } from '../helpers/app-server.js';
import { BackOffice, ownServerWithAdmin } from '../helpers/backoffice-client';
import { publishFromSeed } from '../helpers/dated-content';
import { staff, type StaffKey } from './backoffice-fixtures';
import { SCRIPT_MARKER, SCRIPTS, UNICODE } from './hostile/payloads';

type Json = Record<string, unknown>;
const ADMIN = { username: 'admin.participa', password: 'clave-participa-0001' };
let server: RunningServer;
let base: string;
let bo: Record<StaffKey, BackOffice>;

const today = () => bogotaDate(new Date());
const unique = (prefix: string) =>
	`${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const deviceKey = () =>
	Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

async function post(path: string, body: unknown): Promise<{ status: number; body: Json }> {
	const res = await fetch(`${base}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: res.status, body: (await res.json()) as Json };
}
const code = (r: { body: Json }) => (r.body.error as { code?: string } | undefined)?.code;
const message = (r: { body: Json }) => (r.body.error as { message?: string } | undefined)?.message;

/** Public reads trust the store's sequence for up to a second: poll briefly. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
	let value = await read();
	for (let i = 0; i < 30 && !ok(value); i++) {
		await new Promise((r) => setTimeout(r, 100));
		value = await read();
	}
	return value;
}

const QUESTIONS = `questions:
  - id: prioridad
    kind: unica
    label: ¿Qué primero?
    required: true
    options:
      - value: vias
        label: Vías
      - value: senal
        label: Señal
  - id: temas
    kind: multiple
    label: Temas
    options:
      - value: salud
        label: Salud
      - value: escuela
        label: Escuela
  - id: estado
    kind: escala
    label: Estado del camino
    required: true
  - id: senal
    kind: si-no
    label: ¿Tiene señal?
  - id: tramo
    kind: texto
    label: ¿Qué tramo?
    maxLength: 50
`;

function consultaForm(slug: string, opensAt: string, closesAt: string) {
	return {
		slug,
		title: `Consulta de prueba ${slug}`,
		summary: 'Consulta creada por las pruebas de integración.',
		responsible: 'secretaria-de-planeacion',
		reviewBy: '',
		body: 'Responda con calma.',
		datos: `kind: consulta\nopensAt: "${opensAt}"\nclosesAt: "${closesAt}"\nallowMultiple: false\n${QUESTIONS}`
	};
}

const editorPath = (slug: string) => `/gestion/contenido/consulta/${slug}`;
async function version(slug: string): Promise<string> {
	const page = await bo.editor.page(editorPath(slug));
	return /name="version" value="([^"]*)"/.exec(page.html)?.[1] ?? '';
}
async function published(slug: string, ok: (doc: Json | null) => boolean = (d) => !!d) {
	return eventually(async () => {
		const res = await fetch(`${base}/api/contenido/consulta/${slug}`);
		return res.ok ? ((await res.json()) as Json) : null;
	}, ok);
}

/** Creates and publishes a consulta through the editors' content workflow. */
async function publishConsulta(slug: string, opensAt: string, closesAt: string) {
	const created = await bo.editor.action(
		'/gestion/contenido/consulta/nuevo',
		consultaForm(slug, opensAt, closesAt)
	);
	expect(created.type, JSON.stringify(created.data)).toBe('redirect');
	const pub = await bo.editor.action(`${editorPath(slug)}?/publicar`, {
		version: await version(slug)
	});
	expect(pub.type, JSON.stringify(pub.data)).toBe('redirect');
	await published(slug);
}

/** Moves the consulta's dates (a new published revision), as an editor closing it early. */
async function redate(slug: string, opensAt: string, closesAt: string) {
	const saved = await bo.editor.action(`${editorPath(slug)}?/guardar`, {
		...consultaForm(slug, opensAt, closesAt),
		version: await version(slug)
	});
	expect(saved.type, JSON.stringify(saved.data)).not.toBe('failure');
	const pub = await bo.editor.action(`${editorPath(slug)}?/publicar`, {
		version: await version(slug)
	});
	expect(pub.type, JSON.stringify(pub.data)).toBe('redirect');
	await published(slug, (d) => d?.closesAt === closesAt);
}

const answer = (slug: string, body: Json) => post(`/api/consultas/${slug}/respuestas`, body);
const results = async (slug: string) => {
	const res = await fetch(`${base}/api/consultas/${slug}/resultados`);
	return (await res.json()) as {
		state: string;
		results: null | { total: number; questions: Json[] };
	};
};
async function liveCount(slug: string): Promise<number> {
	// The list of published items trusts the store's sequence for up to a second.
	const page = await eventually(
		() => bo.editor.page('/gestion/consultas'),
		(p) => p.html.includes(`data-consulta="${slug}"`)
	);
	expect(page.status).toBe(200);
	const row = new RegExp(`data-consulta="${slug}"[\\s\\S]*?data-respuestas[^>]*>(\\d+)<`).exec(
		page.html
	);
	return Number(row?.[1] ?? NaN);
}

const GOOD = {
	prioridad: 'vias',
	temas: ['escuela', 'salud'],
	estado: 2,
	senal: false,
	tramo: 'Quebrada La Danta'
};

// A server of its own, with the real limits (factor 1): these tests exhaust the comment limit
// per address on purpose.
beforeAll(async () => {
	const own = await ownServerWithAdmin(ADMIN, { RATE_LIMIT_FACTOR: '1' });
	server = own.server;
	base = server.url;
	bo = await staff('participa', own.adm);
});
afterAll(() => server?.stop());

describe('answers to a consulta', () => {
	const open = unique('abierta');
	beforeAll(() => publishConsulta(open, addDays(today(), -1), addDays(today(), 10)));

	it('counts a retry of the same answer once and answers it again with the same receipt', async () => {
		const body = { id: crypto.randomUUID(), deviceKey: deviceKey(), answers: GOOD };
		const first = await answer(open, body);
		expect(first.status, JSON.stringify(first.body)).toBe(201);
		const again = await answer(open, body);
		expect(again.status).toBe(200);
		expect(again.body).toEqual(first.body);
		expect(await liveCount(open)).toBe(1);
	});

	it('refuses a second, different answer from the same device in Spanish, and stores nothing', async () => {
		const key = deviceKey();
		expect(
			(await answer(open, { id: crypto.randomUUID(), deviceKey: key, answers: GOOD })).status
		).toBe(201);
		const before = await liveCount(open);
		const other = await answer(open, {
			id: crypto.randomUUID(),
			deviceKey: key,
			answers: { ...GOOD, prioridad: 'senal' }
		});
		expect(other.status).toBe(409);
		expect(code(other)).toBe('ya_respondio');
		expect(message(other)).toBe('Ya respondió esta consulta desde este dispositivo.');
		// The same answer under a new id (a form posted twice) is the same answer: counted once.
		const same = await answer(open, { id: crypto.randomUUID(), deviceKey: key, answers: GOOD });
		expect(same.status).toBe(200);
		expect(await liveCount(open)).toBe(before);
	});

	it('refuses answers that do not fit the questions, naming each question, storing nothing', async () => {
		const before = await liveCount(open);
		const cases: Array<[Json, Record<string, string>]> = [
			[{ estado: 3 }, { prioridad: 'falta_respuesta' }],
			[{ ...GOOD, prioridad: 'otra' }, { prioridad: 'opcion_invalida' }],
			[{ ...GOOD, estado: 9 }, { estado: 'fuera_de_escala' }],
			[{ ...GOOD, estado: '2' }, { estado: 'tipo_invalido' }],
			[{ ...GOOD, senal: 'si' }, { senal: 'tipo_invalido' }],
			[{ ...GOOD, tramo: 'x'.repeat(51) }, { tramo: 'demasiado_largo' }],
			[
				{ ...GOOD, tramo: SCRIPTS['script tag'] + UNICODE.NUL },
				{ tramo: 'caracteres_no_permitidos' }
			],
			[{ ...GOOD, extra: 'x' }, { extra: 'pregunta_desconocida' }]
		];
		for (const [answers, expected] of cases) {
			const res = await answer(open, { id: crypto.randomUUID(), deviceKey: deviceKey(), answers });
			expect(res.status, JSON.stringify(answers)).toBe(400);
			expect(code(res)).toBe('respuesta_invalida');
			expect(message(res)).toMatch(/Revise/);
			expect((res.body.error as { detail: { questions: unknown } }).detail.questions).toEqual(
				expected
			);
		}
		for (const body of [
			{ id: 'no-uuid', deviceKey: deviceKey(), answers: GOOD },
			{ id: crypto.randomUUID(), deviceKey: 'corta', answers: GOOD },
			{ id: crypto.randomUUID(), deviceKey: deviceKey(), answers: GOOD, admin: true },
			[GOOD]
		]) {
			const res = await answer(open, body as Json);
			expect(res.status).toBe(400);
			expect(code(res)).toBe('respuesta_invalida');
		}
		expect((await post(`/api/consultas/${open}/respuestas`, '{"id":')).status).toBe(400);
		expect(
			code(
				await answer('no-existe-esta-consulta', {
					id: crypto.randomUUID(),
					deviceKey: deviceKey(),
					answers: GOOD
				})
			)
		).toBe('no_encontrado');
		expect(await liveCount(open)).toBe(before);
	});

	it('refuses answers before the opening day', async () => {
		const future = unique('futura');
		await publishConsulta(future, addDays(today(), 5), addDays(today(), 9));
		const res = await answer(future, {
			id: crypto.randomUUID(),
			deviceKey: deviceKey(),
			answers: GOOD
		});
		expect(res.status).toBe(403);
		expect(code(res)).toBe('consulta_cerrada');
		expect((res.body as { error: { detail: unknown } }).error.detail).toEqual({
			state: 'proxima',
			opensAt: addDays(today(), 5),
			closesAt: addDays(today(), 9)
		});
		expect(await liveCount(future)).toBe(0);
	});

	it('hides results until the close, then publishes correct counts; refuses answers after it', async () => {
		const slug = unique('resultados');
		await publishConsulta(slug, addDays(today(), -3), addDays(today(), 3));
		const answers = [
			GOOD,
			{ prioridad: 'senal', estado: 4, senal: true, tramo: 'Mi nombre es Ana' },
			{ prioridad: 'vias', temas: ['salud'], estado: 5 }
		];
		const retry = { id: crypto.randomUUID(), deviceKey: deviceKey(), answers: answers[0] };
		expect((await answer(slug, retry)).status).toBe(201);
		for (const a of answers.slice(1)) {
			expect(
				(await answer(slug, { id: crypto.randomUUID(), deviceKey: deviceKey(), answers: a })).status
			).toBe(201);
		}
		expect((await answer(slug, retry)).status).toBe(200);

		const before = await results(slug);
		expect(before).toMatchObject({ state: 'abierta', results: null });
		const pageBefore = await fetch(`${base}/participa/consultas/${slug}`).then((r) => r.text());
		expect(pageBefore).toContain('Los resultados se publican al cierre');
		expect(await liveCount(slug)).toBe(3);

		await redate(slug, addDays(today(), -3), addDays(today(), -1));
		const after = await eventually(
			() => results(slug),
			(r) => r.state === 'cerrada'
		);
		expect(after.results?.total).toBe(3);
		const q = Object.fromEntries(after.results!.questions.map((x) => [x.id, x])) as Record<
			string,
			Json
		>;
		const counts = (id: string) => (q[id]!.options as Array<{ count: number }>).map((o) => o.count);
		expect(counts('prioridad')).toEqual([2, 1]);
		expect(counts('temas')).toEqual([2, 1]);
		expect(counts('estado')).toEqual([0, 1, 0, 1, 1]);
		expect(q.estado!.mean).toBe(3.67);
		expect(counts('senal')).toEqual([1, 1]);
		expect(q.tramo!.answered).toBe(2);
		expect(JSON.stringify(after)).not.toContain('Ana');
		const page = await fetch(`${base}/participa/consultas/${slug}?v=${unique('v')}`).then((r) =>
			r.text()
		);
		expect(page).toContain('Respuestas recibidas: 3');
		expect(page).not.toContain('Quebrada La Danta');

		const late = await answer(slug, {
			id: crypto.randomUUID(),
			deviceKey: deviceKey(),
			answers: GOOD
		});
		expect(late.status).toBe(403);
		expect(code(late)).toBe('consulta_cerrada');
		// A retry of an answer stored before the close still gets its receipt.
		expect((await answer(slug, retry)).status).toBe(200);
		expect((await results(slug)).results?.total).toBe(3);
	});

	it('answers without JavaScript: a form post with the device cookie counts once per device', async () => {
		const postForm = async (fields: Record<string, string | string[]>, cookie?: string) => {
			const body = new URLSearchParams();
			for (const [k, v] of Object.entries(fields))
				for (const one of [v].flat()) body.append(k, one);
			const res = await fetch(`${base}/participa/consultas/${open}`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: base,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					...(cookie ? { cookie } : {})
				},
				body
			});
			return { res, html: await res.text() };
		};
		const before = await liveCount(open);
		const fields = {
			id: crypto.randomUUID(),
			q_prioridad: 'vias',
			q_temas: ['salud'],
			q_estado: '3'
		};
		const first = await postForm(fields);
		expect(first.res.status).toBe(200);
		expect(first.html).toContain('Recibimos su respuesta');
		const cookie = /ventanilla_dispositivo=[^;]+/.exec(
			first.res.headers.get('set-cookie') ?? ''
		)?.[0];
		expect(cookie).toBeTruthy();
		expect(first.res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
		const second = await postForm(
			{ ...fields, id: crypto.randomUUID(), q_prioridad: 'senal' },
			cookie
		);
		expect(second.res.status).toBe(409);
		expect(second.html).toContain('Ya respondió esta consulta desde este dispositivo');
		const invalid = await postForm({ id: crypto.randomUUID(), q_estado: '7' });
		expect(invalid.res.status).toBe(400);
		expect(invalid.html).toContain('Responda esta pregunta.');
		expect(invalid.html).toContain('Elija un valor de 1 a 5.');
		expect(await liveCount(open)).toBe(before + 1);
	});

	it('publishes the seed encuesta results, closed, from its sample answers', async () => {
		const r = await results('encuesta-canales-de-atencion-2026');
		expect(r.state).toBe('cerrada');
		expect(r.results?.total).toBe(40);
		const canal = r.results!.questions.find((x) => x.id === 'canal')!;
		expect((canal.options as Array<{ count: number }>).map((o) => o.count)).toEqual([
			15, 10, 10, 5
		]);
	});

	it('shows live counts only to those who may publish content', async () => {
		expect((await bo.editor.page('/gestion/consultas')).status).toBe(200);
		expect((await bo.gobierno.page('/gestion/consultas')).status).toBe(403);
		expect((await bo.comite.page('/gestion/consultas')).status).toBe(403);
		expect((await new BackOffice(base).page('/gestion/consultas')).status).toBe(303);
	});
});

describe('comments on proyectos de acuerdo', () => {
	// A copy of the seed proposal open to comments for ten more days: the seed's own date passes.
	const OPEN = unique('presupuesto-abierto');
	const CLOSED = 'facultades-contratacion-2026';
	beforeAll(() =>
		publishFromSeed(bo.editor, 'proyecto-acuerdo', 'presupuesto-general-2027', OPEN, {
			commentsUntil: addDays(today(), 10)
		})
	);
	const comment = (body: Json | string) => post('/api/concejo/comentarios', body);
	const newComment = (text: string, extra: Json = {}) => ({
		id: crypto.randomUUID(),
		proyecto: OPEN,
		text,
		...extra
	});
	// A fresh query each time: public pages are micro-cached for a few seconds by URL.
	const publicPage = () =>
		fetch(`${base}/concejo/proyectos/${OPEN}?v=${unique('v')}`).then((r) => r.text());
	const publicList = async () =>
		(
			(await (await fetch(`${base}/api/concejo/proyectos/${OPEN}/comentarios`)).json()) as {
				items: Array<{ id: string; text: string; name: string | null }>;
			}
		).items;
	const moderation = () => bo.editor.page('/gestion/comentarios');

	it('stores a comment as pending, idempotently, and keeps it off the public page', async () => {
		const body = newComment('Pido que se incluya el puente de la vereda en el presupuesto.');
		const first = await comment(body);
		expect(first.status, JSON.stringify(first.body)).toBe(201);
		expect(first.body).toEqual({ id: body.id, status: 'pendiente' });
		expect((await comment(body)).status).toBe(200);
		const conflict = await comment({ ...body, text: 'Otro texto distinto del primero.' });
		expect(conflict.status).toBe(409);
		expect(code(conflict)).toBe('conflicto_id');
		expect((await publicList()).some((c) => c.id === body.id)).toBe(false);
		expect(await publicPage()).not.toContain('el puente de la vereda en el presupuesto');
		expect((await moderation()).html).toContain('el puente de la vereda en el presupuesto');
	});

	it('a comment posted without JavaScript with errors comes back naming the field', async () => {
		const summaryOf = async (fields: Record<string, string>) => {
			const res = await fetch(`${base}/concejo/proyectos/${OPEN}`, {
				method: 'POST',
				headers: {
					accept: 'text/html',
					origin: base,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ id: crypto.randomUUID(), ...fields })
			});
			expect(res.status).toBe(400);
			const html = await res.text();
			const start = html.indexOf('id="error-summary"');
			return start < 0 ? '' : html.slice(start, html.indexOf('</ul>', start));
		};
		expect(await summaryOf({ texto: 'corto' })).toMatch(/href="#texto"[^>]*>Comentario: /);
		expect(await summaryOf({ texto: 'Un comentario con nombre.', nombre: 'Ana' })).toMatch(
			/href="#consentimiento"[^>]*>Autorización de datos personales: /
		);
		expect((await publicList()).some((c) => c.text === 'corto')).toBe(false);
	});

	it('refuses hostile and malformed comments with Spanish errors, or stores them inert', async () => {
		const refused: Array<[Json | string, number, string]> = [
			[newComment('corto'), 400, 'comentario_invalido'],
			[newComment('x'.repeat(10_000)), 400, 'comentario_invalido'],
			[newComment('\u0000\u0001\u0002\u200b\u202e'.repeat(5)), 400, 'comentario_invalido'],
			[newComment(12345678901 as unknown as string), 400, 'comentario_invalido'],
			[
				newComment(['texto', 'largo del comentario'] as unknown as string),
				400,
				'comentario_invalido'
			],
			[
				{ ...newComment('Un comentario válido de prueba.'), proyecto: '../../_users' },
				400,
				'comentario_invalido'
			],
			[
				{ ...newComment('Un comentario válido de prueba.'), estado: 'aprobado' },
				400,
				'comentario_invalido'
			],
			[
				newComment('Un comentario con nombre sin autorización.', { name: 'Ana' }),
				400,
				'falta_consentimiento'
			],
			[
				{ ...newComment('Un comentario válido de prueba.'), proyecto: CLOSED },
				403,
				'comentarios_cerrados'
			],
			[
				{ ...newComment('Un comentario válido de prueba.'), proyecto: 'no-existe' },
				404,
				'no_encontrado'
			],
			['{"id": 1,', 400, 'json_invalido']
		];
		for (const [body, status, expected] of refused) {
			const res = await comment(body);
			expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
			expect(code(res)).toBe(expected);
			expect(message(res)).toMatch(/[áéíóúñ]|\b(el|la|de|no|un)\b/);
		}
		const big = await fetch(`${base}/api/concejo/comentarios`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(newComment('y'.repeat(100_000)))
		});
		expect(big.status).toBe(413);

		// Markup and control characters in otherwise valid text: stored as inert, cleaned text.
		const hostile = newComment(
			`${SCRIPTS['script tag']} ${SCRIPTS['img onerror']}\u0000 fin\u202e.`
		);
		expect((await comment(hostile)).status).toBe(201);
		const page = (await moderation()).html;
		expect(page).toContain('&lt;script>window.__hostil=1&lt;/script>');
		expect(page).not.toContain('<script>window.__hostil');
		expect(page).not.toContain('<img src=x onerror');
	});

	it('publishes a comment only once an editor approves it, escaped, with its name or "Anónimo"', async () => {
		const named = newComment(`Apoyo el proyecto. ${SCRIPTS['script tag']}\nhttps://ejemplo.com`, {
			name: '  Rosa\u200b Campesina ',
			consent: true
		});
		const anon = newComment('Que se publique el presupuesto por veredas.');
		const rejected = newComment('Este comentario será rechazado por el editor.');
		for (const b of [named, anon, rejected]) expect((await comment(b)).status).toBe(201);

		const approve = (id: string) =>
			bo.editor.action('/gestion/comentarios?/aprobar', { proyecto: OPEN, clientId: id });
		expect((await approve(named.id)).type).toBe('success');
		expect((await approve(anon.id)).type).toBe('success');
		const noReason = await bo.editor.action('/gestion/comentarios?/rechazar', {
			proyecto: OPEN,
			clientId: rejected.id,
			motivo: ''
		});
		expect(noReason.type).toBe('failure');
		expect(
			(
				await bo.editor.action('/gestion/comentarios?/rechazar', {
					proyecto: OPEN,
					clientId: rejected.id,
					motivo: 'Fuera de tema'
				})
			).type
		).toBe('success');
		// The first decision is final.
		expect((await approve(rejected.id)).type).toBe('failure');

		const list = await publicList();
		expect(list.find((c) => c.id === named.id)).toMatchObject({ name: 'Rosa Campesina' });
		expect(list.find((c) => c.id === anon.id)).toMatchObject({ name: null });
		expect(list.some((c) => c.id === rejected.id)).toBe(false);

		const page = await publicPage();
		expect(page).toContain('Rosa Campesina');
		expect(page).toContain('Anónimo');
		expect(page).toContain('Que se publique el presupuesto por veredas.');
		expect(page).not.toContain('Este comentario será rechazado');
		expect(page).toContain('&lt;script>window.__hostil=1&lt;/script>');
		expect(page.includes(`<script>${SCRIPT_MARKER}`)).toBe(false);
		expect(page).not.toContain('href="https://ejemplo.com"');
		expect((await comment(anon)).body).toEqual({ id: anon.id, status: 'aprobado' });
	});

	it('lets only editors moderate: others get 403 and the comment stays pending', async () => {
		const body = newComment('Comentario que nadie sin permiso puede aprobar.');
		expect((await comment(body)).status).toBe(201);
		for (const who of ['gobierno', 'comite', 'campo'] as const) {
			expect((await bo[who].page('/gestion/comentarios')).status).toBe(403);
			const res = await bo[who].action('/gestion/comentarios?/aprobar', {
				proyecto: OPEN,
				clientId: body.id
			});
			expect(res.status).toBe(403);
		}
		const anon = await new BackOffice(base).action('/gestion/comentarios?/aprobar', {
			proyecto: OPEN,
			clientId: body.id
		});
		expect(anon.type).toBe('redirect');
		expect((await publicList()).some((c) => c.id === body.id)).toBe(false);
	});

	it('posts a comment without JavaScript as a plain form', async () => {
		const res = await fetch(`${base}/concejo/proyectos/${OPEN}`, {
			method: 'POST',
			headers: {
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({
				id: crypto.randomUUID(),
				texto: 'Comentario enviado sin JavaScript.',
				nombre: ''
			})
		});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Recibimos su comentario');
		expect((await moderation()).html).toContain('Comentario enviado sin JavaScript.');
	});

	it('limits new comments per address with 429 and Retry-After', async () => {
		let last: Response | null = null;
		for (let i = 0; i < 40; i++) {
			last = await fetch(`${base}/api/concejo/comentarios`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(newComment(`Comentario número ${i} para el límite.`))
			});
			if (last.status === 429) break;
		}
		expect(last?.status).toBe(429);
		expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(((await last!.json()) as { error: { code: string } }).error.code).toBe(
			'demasiados_intentos'
		);
	});
});
