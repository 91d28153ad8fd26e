/**
 * The GEL-T plan against the real server: the committee creates and updates activities and
 * meetings in /gestion/plan, each change is published with a revision (who and when), nobody
 * else may change them, bad input stores nothing, a stale form is a conflict, and commitments
 * feed the plan (they show on the activity they advance, and can become a new activity).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from '../helpers/backoffice-client';
import { bogotaDay } from '../helpers/dated-content';
import { base, staff, username, type StaffKey } from './backoffice-fixtures';

const SUFFIX = 'plan';
let bo: Record<StaffKey, BackOffice>;

beforeAll(async () => {
	bo = await staff(SUFFIX);
});

const unique = (prefix: string) =>
	`${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

interface ActivityFields {
	title?: string;
	status?: string;
	progress?: string;
	start?: string;
	due?: string;
	evidence?: Array<{ title: string; href: string }>;
}

function activityForm(f: ActivityFields = {}): Record<string, string> {
	const form: Record<string, string> = {
		title: f.title ?? 'Publicar el directorio de funcionarios por cargo',
		summary: 'Directorio con cargo, correo y teléfono de cada dependencia.',
		line: 'reportar-informacion-oportuna',
		phase: 'informacion',
		owner: 'Secretario(a) de Gobierno',
		responsible: 'secretaria-de-gobierno',
		start: f.start ?? '2026-09-01',
		due: f.due ?? bogotaDay(90),
		status: f.status ?? 'pendiente',
		progress: f.progress ?? '0',
		body: ''
	};
	(f.evidence ?? []).forEach((e, i) => {
		form[`evidence-${i}-title`] = e.title;
		form[`evidence-${i}-href`] = e.href;
	});
	return form;
}

/**
 * A published item as the public API serves it. The server trusts its view of the store's
 * update sequence for up to a second, so reads right after a change are polled.
 */
async function publicDoc(type: string, slug: string) {
	const res = await fetch(`${base}/api/contenido/${type}/${slug}`);
	return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : null;
}

/** The optimistic-lock token the page rendered. */
async function version(who: BackOffice, path: string): Promise<string> {
	const page = await who.page(path);
	expect(page.status).toBe(200);
	const m = /name="version" value="([^"]*)"/.exec(page.html);
	expect(m?.[1]).toBeTruthy();
	return m?.[1] ?? '';
}

const revisionsOn = (html: string) => (html.match(/data-revision="/g) ?? []).length;

async function createActivity(who: BackOffice, slug: string, f: ActivityFields = {}) {
	const res = await who.action('/gestion/plan/actividades/nueva', {
		slug,
		version: 'nuevo',
		...activityForm(f)
	});
	expect(res.type, JSON.stringify(res.data)).toBe('redirect');
	expect(res.location).toBe(`/gestion/plan/actividades/${slug}?hecho=creada`);
}

describe('the committee keeps the plan', () => {
	it('creates an activity and publishes each update with a revision naming who and when', async () => {
		const slug = unique('directorio');
		await createActivity(bo.comite, slug);
		await expect
			.poll(() => publicDoc('actividad-gelt', slug))
			.toMatchObject({
				status: 'pendiente',
				progress: 0
			});

		const path = `/gestion/plan/actividades/${slug}`;
		const res = await bo.comite.action(`${path}?/guardar`, {
			version: await version(bo.comite, path),
			...activityForm({
				status: 'en-curso',
				progress: '45',
				evidence: [{ title: 'Directorio', href: '/directorio' }]
			})
		});
		expect(res.type, JSON.stringify(res.data)).toBe('redirect');
		expect(res.location).toBe(`${path}?hecho=publicado`);

		await expect
			.poll(() => publicDoc('actividad-gelt', slug))
			.toMatchObject({
				status: 'en-curso',
				progress: 45,
				evidence: [{ title: 'Directorio', href: '/directorio' }]
			});

		const page = await bo.comite.page(path);
		expect(revisionsOn(page.html)).toBe(2);
		expect(page.html).toContain(`Prueba comite (${username('comite', SUFFIX)})`);
		// The public page and the plan show the new figures on every app process within the
		// documented delay: the content's update sequence is re-read at most once a second, and an
		// anonymous page may be served from the micro-cache for 5 s (server/page-cache.js).
		const publicPage = () => fetch(`${base}/gel-t/actividades/${slug}`).then((r) => r.text());
		await expect.poll(publicPage, { timeout: 10_000, interval: 250 }).toContain('45 %');
		expect(await publicPage()).toContain('En curso');
	});

	it('restores an earlier version as a new revision', async () => {
		const slug = unique('restaurar');
		await createActivity(bo.comite, slug);
		const path = `/gestion/plan/actividades/${slug}`;
		await bo.comite.action(`${path}?/guardar`, {
			version: await version(bo.comite, path),
			...activityForm({ status: 'en-curso', progress: '80' })
		});
		const page = await bo.comite.page(path);
		const first = [...page.html.matchAll(/data-revision="([^"]+)"/g)].map((m) => m[1]!).at(-1)!;
		const res = await bo.comite.action(`${path}?/restaurar`, {
			version: await version(bo.comite, path),
			revision: first
		});
		expect(res.location).toBe(`${path}?hecho=restaurado`);
		await expect
			.poll(() => publicDoc('actividad-gelt', slug))
			.toMatchObject({
				status: 'pendiente',
				progress: 0
			});
		expect(revisionsOn((await bo.comite.page(path)).html)).toBe(3);
	});

	it('refuses editors, funcionarios and field officials, and sends anonymous users to sign in', async () => {
		const slug = unique('ajena');
		await createActivity(bo.comite, slug);
		const path = `/gestion/plan/actividades/${slug}`;
		const v = await version(bo.comite, path);
		for (const who of [bo.editor, bo.gobierno, bo.campo]) {
			expect((await who.page(path)).status).toBe(403);
			const res = await who.action(`${path}?/guardar`, {
				version: v,
				...activityForm({ status: 'completada', progress: '100' })
			});
			expect(res.status).toBe(403);
			// Nor through the generic content editor.
			expect((await who.page(`/gestion/contenido/actividad-gelt/${slug}`)).status).toBe(403);
		}
		const anonymous = new BackOffice(base);
		const page = await anonymous.page(path);
		expect(page.status).toBe(303);
		expect(page.location).toMatch(/^\/gestion\/ingresar/);
		const res = await anonymous.action(`${path}?/guardar`, {
			version: v,
			...activityForm({ status: 'completada', progress: '100' })
		});
		expect(res.type).toBe('redirect');
		expect(res.location).toMatch(/^\/gestion\/ingresar/);
		await expect
			.poll(() => publicDoc('actividad-gelt', slug))
			.toMatchObject({ status: 'pendiente' });
		expect(revisionsOn((await bo.comite.page(path)).html)).toBe(1);
	});

	it('answers invalid progress or dates with error codes, worded in Spanish, and stores nothing', async () => {
		const slug = unique('invalida');
		await createActivity(bo.comite, slug);
		const path = `/gestion/plan/actividades/${slug}`;
		const v = await version(bo.comite, path);
		for (const [fields, issue, [id, text]] of [
			[
				{ progress: '150' },
				{ path: 'progress', code: 'fuera_de_rango' },
				['act-progress', 'Avance (%): El número está fuera del rango permitido.']
			],
			[
				{ progress: '' },
				{ path: 'progress', code: 'requerido' },
				['act-progress', 'Avance (%): Este dato es obligatorio.']
			],
			[
				{ start: '2027-05-01', due: '2027-01-01' },
				{ path: 'due', code: 'antes_del_inicio' },
				['act-due', 'Fecha de entrega: Esta fecha es anterior a la fecha de inicio.']
			],
			[
				{ status: 'completada', progress: '60' },
				{ path: 'progress', code: 'avance_incompleto' },
				['act-progress', 'Avance (%): Una actividad completada tiene avance 100 %.']
			],
			[
				{ due: '2027-02-30' },
				{ path: 'due', code: 'fecha_invalida' },
				['act-due', 'Fecha de entrega: Escriba una fecha válida.']
			]
		] as const) {
			const res = await bo.comite.action(`${path}?/guardar`, {
				version: v,
				...activityForm(fields)
			});
			expect(res.status, JSON.stringify(fields)).toBe(400);
			expect(res.data?.issues).toEqual([issue]);
			// The page words the code from messages/ in a summary that links to the field; check it
			// through the no-JS form post.
			const html = await postForm(bo.comite, `${path}?/guardar`, {
				version: v,
				...activityForm(fields)
			});
			expect(html).toMatch(/Revise estos datos; no se guardó nada/);
			expect(html).toMatch(summaryLink(id, text));
		}
		await expect
			.poll(() => publicDoc('actividad-gelt', slug))
			.toMatchObject({
				status: 'pendiente',
				progress: 0
			});
		expect(revisionsOn((await bo.comite.page(path)).html)).toBe(1);
	});

	it('refuses a stale form with a Spanish conflict message and keeps the other change', async () => {
		const slug = unique('conflicto');
		await createActivity(bo.comite, slug);
		const path = `/gestion/plan/actividades/${slug}`;
		const stale = await version(bo.comite, path);
		const first = await bo.comite.action(`${path}?/guardar`, {
			version: stale,
			...activityForm({ status: 'en-curso', progress: '30' })
		});
		expect(first.type).toBe('redirect');
		const second = await bo.comite.action(`${path}?/guardar`, {
			version: stale,
			...activityForm({ status: 'en-curso', progress: '90' })
		});
		expect(second.status).toBe(409);
		expect(second.data?.refusal).toBe('conflicto');
		const html = await postForm(bo.comite, `${path}?/guardar`, {
			version: stale,
			...activityForm({ status: 'en-curso', progress: '90' })
		});
		expect(html).toContain('Otra persona cambió este contenido mientras usted lo editaba');
		await expect.poll(() => publicDoc('actividad-gelt', slug)).toMatchObject({ progress: 30 });
	});
});

describe('committee meetings feed the plan', () => {
	/** A commitment due well after today. */
	const LATER = bogotaDay(120);

	it('shows a commitment linked to an activity on that activity, in the back office and in public', async () => {
		const activity = unique('ligada');
		await createActivity(bo.comite, activity);
		const meeting = unique('reunion');
		const text = `Revisar el directorio antes del consejo de gobierno ${meeting}`;
		const res = await bo.comite.action('/gestion/plan/reuniones/nueva', {
			slug: meeting,
			version: 'nuevo',
			title: 'Reunión extraordinaria del Comité GEL-T',
			date: '2026-11-20',
			place: 'Despacho del Alcalde',
			responsible: 'despacho-del-alcalde',
			'attendee-0-role': 'Alcalde municipal',
			'attendee-1-role': 'Secretario(a) de Gobierno',
			'attendee-2-role': '',
			agenda: 'Verificación de asistencia\nDirectorio de funcionarios',
			decisions: 'Publicar el directorio por cargos.',
			'commitment-0-id': '',
			'commitment-0-text': text,
			'commitment-0-owner': 'Secretario(a) de Gobierno',
			'commitment-0-due': bogotaDay(-5),
			'commitment-0-activity': activity,
			'commitment-1-id': '',
			'commitment-1-text': 'Estudiar un segundo punto de acceso',
			'commitment-1-owner': 'Secretario(a) de Planeación',
			'commitment-1-due': LATER,
			'commitment-1-activity': '',
			'commitment-2-text': '',
			'commitment-2-owner': '',
			'commitment-2-due': ''
		});
		expect(res.type, JSON.stringify(res.data)).toBe('redirect');
		await expect.poll(() => publicDoc('reunion-gelt', meeting)).not.toBeNull();
		const doc = await publicDoc('reunion-gelt', meeting);
		expect(doc?.attendees).toEqual([
			{ role: 'Alcalde municipal' },
			{ role: 'Secretario(a) de Gobierno' }
		]);
		expect(doc?.commitments).toHaveLength(2);

		await expect
			.poll(async () => (await bo.comite.page(`/gestion/plan/actividades/${activity}`)).html)
			.toContain(text);
		// Public pages: within the micro-cache's 5 s on every app process.
		const eventually = { timeout: 10_000, interval: 250 };
		await expect
			.poll(() => fetch(`${base}/gel-t/actividades/${activity}`).then((r) => r.text()), eventually)
			.toContain(text);
		// Overdue (due five days ago): on the dashboard's list of overdue commitments.
		await expect
			.poll(() => fetch(`${base}/gel-t/plan`).then((r) => r.text()), eventually)
			.toContain(text);

		// The commitment without an activity becomes one, prefilled, and is linked to it.
		const meetingPage = await bo.comite.page(`/gestion/plan/reuniones/${meeting}`);
		const link = /href="(\/gestion\/plan\/actividades\/nueva\?reunion=[^"]+)"/.exec(
			meetingPage.html
		)?.[1];
		expect(link).toBeTruthy();
		const form = await bo.comite.page(link!.replaceAll('&amp;', '&'));
		expect(form.html).toContain('value="Estudiar un segundo punto de acceso"');
		expect(form.html).toContain(`value="${LATER}"`);
		const created = unique('punto-de-acceso');
		const fromCommitment = await bo.comite.action('/gestion/plan/actividades/nueva', {
			slug: created,
			version: 'nuevo',
			reunion: meeting,
			compromiso: 'compromiso-2',
			...activityForm({ title: 'Estudiar un segundo punto de acceso', due: LATER })
		});
		expect(fromCommitment.type, JSON.stringify(fromCommitment.data)).toBe('redirect');
		expect(fromCommitment.location).toBe(`/gestion/plan/actividades/${created}?hecho=creada`);
		await expect
			.poll(async () => {
				const doc = (await publicDoc('reunion-gelt', meeting)) as {
					commitments: Array<{ id: string; activity?: string }>;
				};
				return doc.commitments.find((c) => c.id === 'compromiso-2')?.activity;
			})
			.toBe(created);
	});

	it('refuses a meeting with no attendees or agenda, and stores nothing', async () => {
		const meeting = unique('incompleta');
		const res = await bo.comite.action('/gestion/plan/reuniones/nueva', {
			slug: meeting,
			version: 'nuevo',
			title: 'Reunión sin datos',
			date: '2026-11-20',
			place: 'Despacho',
			responsible: 'despacho-del-alcalde',
			agenda: ''
		});
		expect(res.status).toBe(400);
		expect(res.data?.issues).toEqual(
			expect.arrayContaining([
				{ path: 'attendees', code: 'requerido' },
				{ path: 'agenda', code: 'requerido' }
			])
		);
		expect(await publicDoc('reunion-gelt', meeting)).toBeNull();
		expect((await bo.editor.page('/gestion/plan/reuniones/nueva')).status).toBe(403);
	});
});

/** An error summary's link to the control `id`, with its text. */
const summaryLink = (id: string, text: string) =>
	new RegExp(`<a href="#${id}"[^>]*>${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}</a>`);

/** Posts a form as a browser without JavaScript does and returns the page it renders. */
async function postForm(who: BackOffice, path: string, fields: Record<string, string>) {
	const res = await fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(who.cookie ? { cookie: who.cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
	return res.text();
}
