/**
 * #5 The new-trámite pipeline against the real server: any back-office account proposes, the
 * GEL-T committee approves (a draft trámite appears in the content workflow), rejects (nothing
 * is created) or returns it; refusals, Spanish validation errors and double submits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from '../helpers/backoffice-client';
import { admin, base, staff, type StaffKey } from './backoffice-fixtures';

let bo: Record<StaffKey, BackOffice>;
let adm: BackOffice;

beforeAll(async () => {
	adm = await admin();
	bo = await staff('propuestas', adm);
}, 60_000);

const unique = (prefix: string) =>
	`${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

function proposalForm(name: string, over: Record<string, string | string[]> = {}) {
	return {
		id: crypto.randomUUID(),
		name,
		purpose: 'Autorizar quemas agrícolas controladas\nfuera de la temporada seca.',
		legalBasis: 'Decreto 1076 de 2015\nLey 1523 de 2012',
		requirements: 'Copia del documento de identidad\n\nCroquis del predio',
		cost: 'gratuito',
		costDescription: '',
		timeKind: 'dias-habiles',
		timeValue: '10',
		responsible: 'secretaria-de-desarrollo-agropecuario',
		channels: ['presencial', 'en-linea'],
		...over
	};
}

async function propose(who: BackOffice, form: Record<string, string | string[]>) {
	const res = await who.action('/gestion/propuestas/nueva', form);
	return res;
}

/** The optimistic-lock token the proposal page rendered. */
async function version(who: BackOffice, id: string): Promise<string> {
	const page = await who.page(`/gestion/propuestas/${id}`);
	expect(page.status).toBe(200);
	return /name="version" value="([^"]*)"/.exec(page.html)?.[1] ?? '';
}

async function decide(who: BackOffice, id: string, action: string, comment = '') {
	return who.action(`/gestion/propuestas/${id}?/${action}`, {
		version: await version(adm, id),
		...(comment ? { comment } : {})
	});
}

/** The draft trámites an editor sees (slug → title), read from the content list page. */
async function draftSlugs(): Promise<string[]> {
	const page = await bo.editor.page('/gestion/contenido?tipo=tramite');
	expect(page.status).toBe(200);
	return [...page.html.matchAll(/href="\/gestion\/contenido\/tramite\/([a-z0-9-]+)"/g)].map(
		(m) => m[1]!
	);
}

describe('proposing a new trámite', () => {
	it('lets any back-office account propose, and shows it only to them and the committee', async () => {
		const name = unique('Permiso de quema');
		const form = proposalForm(name);
		const res = await propose(bo.campo, form);
		expect(res.type).toBe('redirect');
		expect(res.location).toBe(`/gestion/propuestas/${form.id}?hecho=creada`);
		const own = await bo.campo.page(`/gestion/propuestas/${form.id}`);
		expect(own.status).toBe(200);
		expect(own.html).toContain(name);
		expect(own.html).toContain('En revisión del comité');
		expect((await bo.comite.page('/gestion/propuestas')).html).toContain(name);
		expect((await bo.hacienda.page('/gestion/propuestas')).html).not.toContain(name);
		expect((await bo.hacienda.page(`/gestion/propuestas/${form.id}`)).status).toBe(404);
	});

	it('stores a double submit once and refuses other data under the same id', async () => {
		const name = unique('Licencia de ocupación');
		const form = proposalForm(name);
		const [a, b] = await Promise.all([propose(bo.gobierno, form), propose(bo.gobierno, form)]);
		expect([a.type, b.type]).toEqual(['redirect', 'redirect']);
		expect((await propose(bo.gobierno, form)).type).toBe('redirect');
		const list = (await bo.comite.page('/gestion/propuestas')).html;
		// One row links to it (the name also appears in the page's serialised data).
		expect(list.split(`>${name}</a>`).length - 1).toBe(1);
		const other = await propose(bo.gobierno, { ...form, name: `${name} distinto` });
		expect(other.status).toBe(409);
		expect(other.data?.refused).toBe('conflicto');
		expect((await bo.comite.page('/gestion/propuestas')).html).not.toContain(`${name} distinto`);
	});

	it('refuses bad input with Spanish errors and stores nothing', async () => {
		const name = unique('Sin datos');
		const form = proposalForm(name, {
			purpose: '',
			legalBasis: '\n \n',
			cost: 'pago',
			costDescription: '',
			timeValue: 'diez',
			responsible: 'dependencia-inventada',
			channels: []
		});
		const res = await propose(bo.editor, form);
		expect(res.status).toBe(400);
		expect((res.data?.issues as Array<{ path: string }>).map((i) => i.path)).toEqual([
			'purpose',
			'legalBasis',
			'cost',
			'time',
			'responsible',
			'channels'
		]);
		const page = await bo.editor.page(`/gestion/propuestas/${form.id}`);
		expect(page.status).toBe(404);
		// The form page itself renders the messages in Spanish (no JavaScript needed).
		const html = await fetch(`${base}/gestion/propuestas/nueva`, {
			method: 'POST',
			headers: {
				origin: base,
				accept: 'text/html',
				cookie: bo.editor.cookie ?? '',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ id: crypto.randomUUID(), name: '' })
		}).then((r) => r.text());
		expect(html).toContain('Escriba el nombre del trámite');
		expect(html).toContain('Elija al menos un canal de atención.');
	});
});

describe('committee review', () => {
	it('approving creates a draft trámite in the content workflow, linked from the proposal', async () => {
		const name = unique('Permiso de quema controlada');
		const form = proposalForm(name);
		expect((await propose(bo.gobierno, form)).type).toBe('redirect');
		const res = await decide(bo.comite, form.id, 'aprobar');
		expect(res.type, JSON.stringify(res.data)).toBe('redirect');

		const page = await bo.gobierno.page(`/gestion/propuestas/${form.id}`);
		expect(page.html).toContain('Aprobada');
		const slug = /href="\/gestion\/contenido\/tramite\/([a-z0-9-]+)"/.exec(page.html)?.[1];
		expect(slug).toMatch(/^permiso-de-quema-controlada-/);

		// A draft (borrador), not published: the editor sees it, citizens do not.
		const editor = await bo.editor.page(`/gestion/contenido/tramite/${slug}`);
		expect(editor.status).toBe(200);
		expect(editor.html).toContain(name);
		expect(editor.html).toContain('data-estado="borrador"');
		expect(editor.html).toContain('Decreto 1076 de 2015');
		// Not yet checked against the SUIT: the box stays unticked until someone does.
		expect(editor.html).toMatch(/<input type="checkbox" id="o-suitVerified"[^>]*>/);
		expect(editor.html).not.toMatch(/<input type="checkbox" id="o-suitVerified"[^>]*checked/);
		expect((await fetch(`${base}/api/contenido/tramite/${slug}`)).status).toBe(404);
		expect(await draftSlugs()).toContain(slug);

		// Deciding again is refused: the status already changed.
		const again = await bo.comite.action(`/gestion/propuestas/${form.id}?/rechazar`, {
			version: await version(adm, form.id),
			comment: 'Tarde'
		});
		expect(again.status).toBe(409);
	});

	it('a rejected proposal creates nothing and the proposer reads the reason', async () => {
		const name = unique('Certificado repetido');
		const form = proposalForm(name);
		expect((await propose(bo.gobierno, form)).type).toBe('redirect');
		const before = await draftSlugs();
		const noReason = await decide(bo.comite, form.id, 'rechazar');
		expect(noReason.status).toBe(400);
		const res = await decide(bo.comite, form.id, 'rechazar', 'Ya existe en el catálogo.');
		expect(res.type).toBe('redirect');
		const page = await bo.gobierno.page(`/gestion/propuestas/${form.id}`);
		expect(page.html).toContain('Rechazada');
		expect(page.html).toContain('Ya existe en el catálogo.');
		expect(page.html).not.toContain('/gestion/contenido/tramite/');
		expect(await draftSlugs()).toEqual(before);
	});

	it('a returned proposal goes back to its author, who corrects and sends it again', async () => {
		const name = unique('Registro de marcas de ganado');
		const form = proposalForm(name);
		expect((await propose(bo.gobierno, form)).type).toBe('redirect');
		const res = await decide(bo.comite, form.id, 'devolver', 'Indique el costo exacto.');
		expect(res.type).toBe('redirect');
		const page = await bo.gobierno.page(`/gestion/propuestas/${form.id}`);
		expect(page.html).toContain('Devuelta para ajustes');
		expect(page.html).toContain('Indique el costo exacto.');

		// Someone else cannot send it again; the author can.
		const v = await version(bo.gobierno, form.id);
		const foreign = await bo.gobierno2.action(`/gestion/propuestas/${form.id}?/reenviar`, {
			...proposalForm(name),
			version: v
		});
		expect(foreign.status).toBe(404);
		const fixed = await bo.gobierno.action(`/gestion/propuestas/${form.id}?/reenviar`, {
			...proposalForm(name, { cost: 'pago', costDescription: '0,5 UVT (Acuerdo 10 de 2019)' }),
			version: v
		});
		expect(fixed.type, JSON.stringify(fixed.data)).toBe('redirect');
		const after = await bo.comite.page(`/gestion/propuestas/${form.id}`);
		expect(after.html).toContain('En revisión del comité');
		expect(after.html).toContain('0,5 UVT (Acuerdo 10 de 2019)');
		expect(after.html).toContain('Ajustada y enviada de nuevo');
	});

	it('refuses decisions with 403 to accounts without plan.gestionar', async () => {
		const form = proposalForm(unique('Sin permiso'));
		expect((await propose(bo.gobierno, form)).type).toBe('redirect');
		for (const who of [bo.gobierno, bo.editor, bo.campo]) {
			for (const action of ['aprobar', 'rechazar', 'devolver']) {
				const res = await who.action(`/gestion/propuestas/${form.id}?/${action}`, {
					version: await version(adm, form.id),
					comment: 'No'
				});
				expect(res.status, action).toBe(403);
			}
		}
		expect((await bo.gobierno.page(`/gestion/propuestas/${form.id}`)).html).toContain(
			'En revisión del comité'
		);
	});

	it('sends people without a session to sign in', async () => {
		const anon = new BackOffice(base);
		const page = await anon.page('/gestion/propuestas');
		expect(page.status).toBe(303);
		expect(page.location).toContain('/gestion/ingresar');
	});
});
