/**
 * The content workflow against the real server: who may do what on every route and action,
 * draft → review → publish, drafts never public, revisions and restore, concurrent edits,
 * hostile Markdown, validation errors as codes shown in the page's language and normas' PDFs
 * kept out of the offline pack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bogotaDate } from '../../src/lib/domain/calendar-date';
import type { RunningServer } from '../helpers/app-server.js';
import { BackOffice, ownServerWithAdmin } from '../helpers/backoffice-client';
import { memoryDb, PouchDB } from '../helpers/node-pouch';
import { staff, username, type StaffKey } from './backoffice-fixtures';

const SUFFIX = 'contenido';
const ADMIN = { username: 'admin.contenido', password: 'clave-contenido-0001' };
let server: RunningServer;
let base: string;
let bo: Record<StaffKey, BackOffice>;
let adm: BackOffice;

// A server of its own: these tests sign in as an administrator and publish many items; the
// shared server's one administrator is rate-limited per username across every suite.
beforeAll(async () => {
	({ server, adm } = await ownServerWithAdmin(ADMIN));
	base = server.url;
	bo = await staff(SUFFIX, adm);
});
afterAll(() => server?.stop());

const unique = (prefix: string) =>
	`${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const today = () => bogotaDate(new Date());
const OWN_SEED = 'temporada-de-lluvias-recomendaciones'; // secretaría de gobierno
const OTHER_SEED = 'calendario-tributario-predial-2027'; // secretaría de hacienda

interface NewsFields {
	title?: string;
	body?: string;
	responsible?: string;
	summary?: string;
	reviewBy?: string;
	datos?: string;
}

function newsForm(slug: string, f: NewsFields = {}): Record<string, string> {
	return {
		slug,
		title: f.title ?? `Jornada de vacunación ${slug}`,
		summary: f.summary ?? 'Vacunación gratuita en el parque principal.',
		responsible: f.responsible ?? 'secretaria-de-gobierno',
		reviewBy: f.reviewBy ?? '',
		body: f.body ?? 'Traiga el **carné de vacunación**.',
		datos: f.datos ?? `kind: evento\ndate: ${today()}\nplace: Parque principal\n`
	};
}

const createNews = (who: BackOffice, slug: string, f: NewsFields = {}) =>
	who.action('/gestion/contenido/noticia/nuevo', newsForm(slug, f));

const editorPath = (type: string, slug: string) => `/gestion/contenido/${type}/${slug}`;

/** The optimistic-lock token the editor page rendered. */
async function version(who: BackOffice, type: string, slug: string): Promise<string> {
	const page = await who.page(editorPath(type, slug));
	expect(page.status).toBe(200);
	const m = /name="version" value="([^"]*)"/.exec(page.html);
	expect(m?.[1]).toBeTruthy();
	return m?.[1] ?? '';
}

async function act(
	who: BackOffice,
	type: string,
	slug: string,
	name: string,
	fields: Record<string, string> = {}
) {
	const v = fields.version ?? (await version(who, type, slug));
	return who.action(`${editorPath(type, slug)}?/${name}`, { ...fields, version: v });
}

/** Saves new values into the item's draft. */
const save = (who: BackOffice, type: string, slug: string, fields: Record<string, string>) =>
	act(who, type, slug, 'guardar', fields);

const published = async (type: string, slug: string) => {
	const res = await fetch(`${base}/api/contenido/${type}/${slug}`);
	return {
		status: res.status,
		doc: res.ok ? ((await res.json()) as Record<string, unknown>) : null
	};
};

/** Public reads trust the store's sequence for up to a second: poll briefly. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
	let value = await read();
	for (let i = 0; i < 30 && !ok(value); i++) {
		await new Promise((r) => setTimeout(r, 100));
		value = await read();
	}
	return value;
}

async function publishNews(slug: string, f: NewsFields = {}) {
	expect((await createNews(bo.editor, slug, f)).type).toBe('redirect');
	expect((await act(bo.editor, 'noticia', slug, 'publicar')).type).toBe('redirect');
	await eventually(
		() => published('noticia', slug),
		(p) => p.status === 200
	);
}

describe('content back office: who may do what', () => {
	const pages = [
		'/gestion/contenido',
		'/gestion/contenido/noticia/nuevo',
		`/gestion/contenido/noticia/${OWN_SEED}`,
		'/gestion/contenido/revision',
		'/gestion/vencimientos'
	];

	it('sends anonymous visitors to sign in, from every page and action', async () => {
		const anon = new BackOffice(base);
		for (const path of pages) {
			const res = await anon.page(path);
			expect(res.status, path).toBe(303);
			expect(res.location, path).toMatch(/^\/gestion\/ingresar\?volver=/);
		}
		for (const name of ['guardar', 'enviar', 'publicar', 'devolver', 'descartar', 'restaurar']) {
			const res = await anon.action(`${editorPath('noticia', OWN_SEED)}?/${name}`, {
				version: 'x'
			});
			expect(res.type, name).toBe('redirect');
			expect(res.location, name).toMatch(/^\/gestion\/ingresar/);
		}
		const created = await anon.action('/gestion/contenido/noticia/nuevo', newsForm(unique('anon')));
		expect(created.location).toMatch(/^\/gestion\/ingresar/);
	});

	it('lets editors and administrators open every content page', async () => {
		for (const who of [bo.editor, adm]) {
			for (const path of [...pages, `/gestion/contenido/noticia/${OTHER_SEED}`]) {
				expect((await who.page(path)).status, path).toBe(200);
			}
		}
	});

	it('finds content by words of its title, whatever the accents and case', async () => {
		const rows = async (q: string) =>
			[
				...(await bo.editor.page(`/gestion/contenido?q=${encodeURIComponent(q)}`)).html.matchAll(
					/href="\/gestion\/contenido\/(\w+\/[\w-]+)"/g
				)
			]
				.map((m) => m[1] ?? '')
				.filter((r) => !r.endsWith('/nuevo'));
		const found = await rows('RESIDENCIA certificado');
		expect(found).toContain('tramite/certificado-de-residencia');
		expect(found.every((r) => r.includes('residencia'))).toBe(true);
		expect(await rows('tramite residencia inexistentexyz')).toEqual([]);
		expect((await rows('')).length).toBeGreaterThan(100);
	});

	it('refuses field officials and the GEL-T committee any editing', async () => {
		for (const who of [bo.campo, bo.comite]) {
			for (const path of pages.slice(0, 4)) {
				expect((await who.page(path)).status, path).toBe(403);
			}
			const res = await who.action(`${editorPath('noticia', OWN_SEED)}?/guardar`, {
				...newsForm(OWN_SEED),
				version: 'x'
			});
			expect(res.status).toBe(403);
			const created = await who.action('/gestion/contenido/noticia/nuevo', newsForm(unique('x')));
			expect(created.status).toBe(403);
		}
		// The committee watches staleness; field officials do not.
		expect((await bo.comite.page('/gestion/vencimientos')).status).toBe(200);
		expect((await bo.campo.page('/gestion/vencimientos')).status).toBe(403);
	});

	it('lets a funcionario work only on their own dependencia’s items, and never publish', async () => {
		expect((await bo.gobierno.page(editorPath('noticia', OWN_SEED))).status).toBe(200);
		expect((await bo.gobierno.page(editorPath('noticia', OTHER_SEED))).status).toBe(403);
		expect((await bo.hacienda.page(editorPath('noticia', OWN_SEED))).status).toBe(403);
		expect((await bo.gobierno.page('/gestion/contenido/revision')).status).toBe(403);
		expect((await bo.gobierno.page('/gestion/vencimientos')).status).toBe(200);

		const list = await bo.gobierno.page('/gestion/contenido');
		expect(list.html).toContain(editorPath('noticia', OWN_SEED));
		expect(list.html).not.toContain(editorPath('noticia', OTHER_SEED));

		// Not for another dependencia, nor moving an item there.
		const elsewhere = await createNews(bo.gobierno, unique('otra'), {
			responsible: 'secretaria-de-hacienda'
		});
		expect(elsewhere.status).toBe(403);
		expect(elsewhere.data?.refusal).toBe('prohibido');
		const slug = unique('propia');
		expect((await createNews(bo.gobierno, slug)).type).toBe('redirect');
		const moved = await save(bo.gobierno, 'noticia', slug, {
			...newsForm(slug, { responsible: 'secretaria-de-hacienda' })
		});
		expect(moved.data?.refusal).toBe('prohibido');
		const foreign = await save(bo.hacienda, 'noticia', slug, {
			...newsForm(slug, { responsible: 'secretaria-de-hacienda' }),
			version: await version(bo.gobierno, 'noticia', slug)
		});
		expect(foreign.status).toBe(403);

		for (const name of ['publicar', 'devolver', 'restaurar']) {
			const res = await act(bo.gobierno, 'noticia', slug, name, { comentario: 'x' });
			expect(res.status, name).toBe(403);
		}
		expect((await published('noticia', slug)).status).toBe(404);
	});
});

describe('draft → review → published', () => {
	it('publishes a funcionario’s news item after review, with the new "Última actualización"', async () => {
		const slug = unique('vacunacion');
		const created = await createNews(bo.gobierno, slug);
		expect(created.type).toBe('redirect');
		expect(created.location).toBe(`${editorPath('noticia', slug)}?hecho=guardado`);

		// A draft is nowhere public: API, page, sync gate (single doc, changes, bulk get).
		expect((await published('noticia', slug)).status).toBe(404);
		expect((await fetch(`${base}/noticias/${slug}`)).status).toBe(404);
		expect((await fetch(`${base}/api/sync/contenido/noticia:${slug}`)).status).toBe(404);
		const changes = await (
			await fetch(`${base}/api/sync/contenido/_changes?style=all_docs`)
		).text();
		expect(changes).not.toContain(slug);

		expect((await act(bo.gobierno, 'noticia', slug, 'enviar')).type).toBe('redirect');
		const queue = await bo.editor.page('/gestion/contenido/revision');
		expect(queue.html).toContain(editorPath('noticia', slug));
		expect(queue.html).toContain(username('gobierno', SUFFIX));
		expect((await published('noticia', slug)).status).toBe(404);

		const res = await act(bo.editor, 'noticia', slug, 'publicar');
		expect(res.type).toBe('redirect');
		expect(res.location).toBe(`${editorPath('noticia', slug)}?hecho=publicado`);

		const { doc } = await eventually(
			() => published('noticia', slug),
			(p) => p.status === 200
		);
		expect(doc).toMatchObject({
			_id: `noticia:${slug}`,
			type: 'noticia',
			updatedAt: today(),
			responsible: 'secretaria-de-gobierno',
			responsibleName: 'Secretaría de Gobierno y Convivencia',
			html: '<p>Traiga el <strong>carné de vacunación</strong>.</p>'
		});
		const page = await (await fetch(`${base}/noticias/${slug}`)).text();
		expect(page).toContain(`Jornada de vacunación ${slug}`);
		expect(page).toContain('Última actualización');
		expect(page).toContain(`datetime="${today()}"`);
		const synced = await fetch(`${base}/api/sync/contenido/noticia:${slug}`);
		expect(synced.status).toBe(200);

		// The draft is closed; the history says who published and who proposed.
		const editor = await bo.editor.page(editorPath('noticia', slug));
		expect(editor.html).toContain('data-estado="publicado"');
		expect(editor.html).toContain(`Prueba editor (${username('editor', SUFFIX)})`);
		expect(editor.html).toContain(`Prueba gobierno (${username('gobierno', SUFFIX)})`);
		expect(
			(await bo.editor.page('/gestion/contenido/revision')).html.includes(
				editorPath('noticia', slug)
			)
		).toBe(false);
	});

	it('sends a draft back with a comment the author sees', async () => {
		const slug = unique('devuelta');
		await createNews(bo.gobierno, slug);
		await act(bo.gobierno, 'noticia', slug, 'enviar');
		const noComment = await act(bo.editor, 'noticia', slug, 'devolver', { comentario: ' ' });
		expect(noComment.data?.refusal).toBe('falta_comentario');
		const back = await act(bo.editor, 'noticia', slug, 'devolver', {
			comentario: 'Falta la hora de la jornada.'
		});
		expect(back.type).toBe('redirect');
		const page = await bo.gobierno.page(editorPath('noticia', slug));
		expect(page.html).toContain('data-estado="borrador"');
		expect(page.html).toContain('Falta la hora de la jornada.');
		// Sending twice is not a valid transition.
		await act(bo.gobierno, 'noticia', slug, 'enviar');
		expect((await act(bo.gobierno, 'noticia', slug, 'enviar')).data?.refusal).toBe(
			'estado_invalido'
		);
	});

	it('keeps every published version and restores an earlier one as a new version', async () => {
		const slug = unique('historial');
		await publishNews(slug, { title: 'Primera versión del aviso' });
		await save(bo.editor, 'noticia', slug, newsForm(slug, { title: 'Segunda versión del aviso' }));
		await act(bo.editor, 'noticia', slug, 'publicar');
		await eventually(
			() => published('noticia', slug),
			(p) => p.doc?.title === 'Segunda versión del aviso'
		);

		const page = await bo.editor.page(editorPath('noticia', slug));
		const ids = [...page.html.matchAll(/data-revision="([^"]+)"/g)].map((m) => m[1] ?? '');
		expect(ids).toHaveLength(2);
		const first = ids[1] ?? '';
		expect(first.startsWith(`revision:noticia:${slug}:`)).toBe(true);

		// Any version can be read before restoring it.
		const old = await bo.editor.page(
			`${editorPath('noticia', slug)}?ver=${encodeURIComponent(first)}`
		);
		const shown = /<section[^>]*id="version"[\s\S]*?<\/section>/.exec(old.html)?.[0] ?? '';
		expect(shown).toContain('Primera versión del aviso');
		expect(shown).toContain('kind: evento');

		// Funcionarios cannot restore; editors start a draft from the old version.
		expect((await act(bo.gobierno, 'noticia', slug, 'restaurar', { revision: first })).status).toBe(
			403
		);
		const restored = await act(bo.editor, 'noticia', slug, 'restaurar', { revision: first });
		expect(restored.type).toBe('redirect');
		// Still the second version publicly until the restored draft is published (every app
		// process shows it once its memo of the store's sequence is refreshed, within a second).
		await eventually(
			() => published('noticia', slug),
			(p) => p.doc?.title === 'Segunda versión del aviso'
		);
		// A pending draft blocks another restore rather than overwrite it.
		expect(
			(await act(bo.editor, 'noticia', slug, 'restaurar', { revision: first })).data?.refusal
		).toBe('borrador_pendiente');
		await act(bo.editor, 'noticia', slug, 'publicar');
		await eventually(
			() => published('noticia', slug),
			(p) => p.doc?.title === 'Primera versión del aviso'
		);
		const after = await bo.editor.page(editorPath('noticia', slug));
		const afterIds = [...after.html.matchAll(/data-revision="([^"]+)"/g)].map((m) => m[1]);
		expect(afterIds).toHaveLength(3);
		expect(afterIds.slice(1)).toEqual(ids);
		expect(after.html).toContain('restaurada de una versión anterior');
	});

	it('keeps the seed version as the origin of an item’s history', async () => {
		const before = (await published('noticia', OWN_SEED)).doc ?? {};
		const v = await version(bo.gobierno, 'noticia', OWN_SEED);
		expect(v.startsWith('p:')).toBe(true);
		const page = await bo.gobierno.page(editorPath('noticia', OWN_SEED));
		const datos = /<textarea[^>]*name="datos"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.html)?.[1];
		expect(datos).toContain('kind: aviso');
		const res = await save(bo.gobierno, 'noticia', OWN_SEED, {
			title: String(before.title),
			summary: String(before.summary ?? ''),
			responsible: 'secretaria-de-gobierno',
			reviewBy: '',
			body: `${String(before.body)}\n\nActualizado por la Secretaría de Gobierno.`,
			datos: (datos ?? '')
				.replaceAll('&#39;', "'")
				.replaceAll('&quot;', '"')
				.replaceAll('&amp;', '&'),
			version: v
		});
		expect(res.type, JSON.stringify(res.data)).toBe('redirect');
		await act(bo.gobierno, 'noticia', OWN_SEED, 'enviar');
		await act(bo.editor, 'noticia', OWN_SEED, 'publicar');
		const history = await bo.editor.page(editorPath('noticia', OWN_SEED));
		expect(history.html).toContain('Carga inicial del portal');
		expect([...history.html.matchAll(/data-revision="/g)]).toHaveLength(2);
		const { doc } = await eventually(
			() => published('noticia', OWN_SEED),
			(p) => String(p.doc?.html).includes('Actualizado por la Secretaría de Gobierno')
		);
		expect(doc).toMatchObject({ title: before.title, date: before.date, updatedAt: today() });
	});
});

describe('concurrent edits', () => {
	it('refuses the second of two edits made from the same version, in Spanish', async () => {
		const slug = unique('conflicto');
		await createNews(bo.editor, slug);
		const seen = await version(bo.editor, 'noticia', slug);
		const first = await save(adm, 'noticia', slug, {
			...newsForm(slug, { title: 'Cambio del administrador' }),
			version: seen
		});
		expect(first.type).toBe('redirect');
		const second = await save(bo.editor, 'noticia', slug, {
			...newsForm(slug, { title: 'Cambio del editor' }),
			version: seen
		});
		expect(second.status).toBe(409);
		expect(second.data?.refusal).toBe('conflicto');
		// Without JavaScript the page itself says it, and keeps what was typed.
		const html = await postHtml(bo.editor, `${editorPath('noticia', slug)}?/guardar`, {
			...newsForm(slug, { title: 'Cambio del editor' }),
			version: seen
		});
		expect(html).toContain('Otra persona cambió este contenido mientras usted lo editaba');
		expect(html).toContain('value="Cambio del editor"');
		// Publishing a version nobody reviewed is refused the same way.
		expect(
			(await act(bo.editor, 'noticia', slug, 'publicar', { version: seen })).data?.refusal
		).toBe('conflicto');
		const page = await bo.editor.page(editorPath('noticia', slug));
		expect(page.html).toContain('value="Cambio del administrador"');
	});
});

/** Posts a form the way a browser without JavaScript does and returns the rendered page. */
async function postHtml(who: BackOffice, path: string, fields: Record<string, string> | FormData) {
	const res = await fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			...(fields instanceof FormData
				? {}
				: { 'content-type': 'application/x-www-form-urlencoded' }),
			...(who.cookie ? { cookie: who.cookie } : {})
		},
		body: fields instanceof FormData ? fields : new URLSearchParams(fields)
	});
	return res.text();
}

describe('sanitising what editors write', () => {
	const HOSTILE = [
		'<script>window.__pwned1 = 1</script>',
		'<img src="x" onerror="__pwned2()">',
		'[clic](javascript:__pwned3())',
		'<a href="javascript:__pwned4()">enlace</a>',
		'<iframe src="https://malicioso.example/"></iframe>',
		'<svg><script>__pwned5()</script></svg>',
		'<svg onload="__pwned6()"><circle r="1"/></svg>',
		'![imagen](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
		'<a href="data:text/html,<script>__pwned7()</script>">datos</a>',
		'<p style="background:url(javascript:__pwned8())" onclick="__pwned9()">texto</p>',
		'<object data="x.swf"></object><embed src="x.swf"><form action="https://x"><input></form>',
		'<math><mi xlink:href="javascript:__pwned10()">x</mi></math>'
	].join('\n\n');

	it('stores and renders hostile Markdown and HTML inert', async () => {
		const slug = unique('hostil');
		await publishNews(slug, {
			title: '<script>__pwnedTitle()</script> Aviso',
			summary: '<img src=x onerror=__pwnedSummary()>',
			body: `Texto normal.\n\n${HOSTILE}`
		});
		const { doc } = await published('noticia', slug);
		const html = String(doc?.html);
		expect(html).toContain('Texto normal.');
		for (const bad of [
			/<script/i,
			/<iframe/i,
			/<svg/i,
			/<object/i,
			/<embed/i,
			/<form/i,
			/<math/i,
			/\son\w+\s*=/i,
			/javascript:/i,
			/data:/i,
			/style=/i,
			/__pwned/
		]) {
			expect(html, String(bad)).not.toMatch(bad);
		}
		const page = await (await fetch(`${base}/noticias/${slug}`)).text();
		const prose = /<div class="prose[^"]*">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '';
		expect(prose).toContain('Texto normal.');
		expect(prose).not.toMatch(/<script|<iframe|<svg|\son\w+=|javascript:|__pwned/i);
		// Title and summary are text: escaped wherever they appear in markup.
		expect(page).not.toContain('<script>__pwnedTitle');
		expect(page).not.toContain('<img src=x onerror');
		expect(page).toContain('<h1>&lt;script>__pwnedTitle()&lt;/script> Aviso</h1>');

		// The editor's preview uses the same sanitiser.
		const preview = await act(bo.editor, 'noticia', slug, 'vista-previa', {
			...newsForm(slug, { body: HOSTILE })
		});
		expect(String(preview.data?.preview)).not.toMatch(/<script|onerror|javascript:|__pwned/i);
	});
});

describe('validation of the editor form', () => {
	it('explains invalid YAML with its line, in the page’s language, and stores nothing', async () => {
		const slug = unique('yaml');
		const datos = 'kind: [evento\ndate: hoy';
		const res = await createNews(bo.editor, slug, { datos });
		expect(res.status).toBe(400);
		expect(res.data?.issues).toEqual([
			{
				path: 'datos',
				code: 'yaml_invalido',
				at: { line: expect.any(Number), column: expect.any(Number) }
			}
		]);
		// Without JavaScript the page comes back with an error summary linked to the YAML box.
		const spanish = await postHtml(
			bo.editor,
			'/gestion/contenido/noticia/nuevo',
			newsForm(slug, { datos })
		);
		expect(spanish).toMatch(
			/<a href="#ed-datos"[^>]*>Datos específicos \(YAML\): El texto no es YAML válido \(línea \d+, columna \d+\)\.<\/a>/
		);
		expect(spanish).toMatch(/<textarea[^>]*id="ed-datos"[^>]*aria-invalid="true"/);
		const english = await postHtml(
			new BackOffice(base, `${bo.editor.cookie}; ventanilla_idioma=en`),
			'/gestion/contenido/noticia/nuevo',
			newsForm(slug, { datos })
		);
		expect(english).toMatch(
			/Specific data \(YAML\): The text is not valid YAML \(line \d+, column \d+\)\./
		);
		expect((await bo.editor.page(editorPath('noticia', slug))).status).toBe(404);
		expect((await published('noticia', slug)).status).toBe(404);
	});

	/** A trámite's own form with a made-up category and a requirement row with no text. */
	const tramiteForm = {
		'o-kind': 'tramite',
		'o-category': 'inventada',
		'o-purpose': 'Probar',
		'o-result': 'Nada',
		'o-audience': ['persona-natural'],
		'o-requirements-0-text': '',
		'o-requirements-0-legalBasis': 'Ley 1755 de 2015',
		'o-steps-0-text': 'Uno',
		'o-cost-free': 'on',
		'o-cost-description': 'Gratis',
		'o-time-kind': 'inmediato',
		'o-legalBasis': 'Ley 1755 de 2015',
		'o-channels': ['presencial'],
		'o-pointsOfAttention-0-name': 'A',
		'o-pointsOfAttention-0-address': 'B',
		'o-pointsOfAttention-0-hours': 'C',
		'o-tracking': 'Radicado'
	};
	/** The new-trámite form, posted by the editor with an impossible review date. */
	const newTramite = (slug: string, datos = '') =>
		bo.editor.action('/gestion/contenido/tramite/nuevo', {
			slug,
			title: 'Trámite de prueba',
			summary: '',
			responsible: 'secretaria-de-gobierno',
			reviewBy: '2027-13-45',
			body: '',
			datos,
			...tramiteForm
		});

	it('names the field and row of each schema error with a code, not Zod’s prose, and stores nothing', async () => {
		const slug = unique('tramite');
		// The YAML box refuses what has a control of its own.
		const res = await newTramite(slug, 'title: No va aquí\ncategory: salud');
		expect(res.status).toBe(400);
		expect(res.data?.issues).toEqual([
			{ path: 'datos.title', code: 'campo_propio' },
			{ path: 'datos.category', code: 'campo_propio' }
		]);
		const again = await newTramite(slug);
		expect(again.data?.issues).toEqual(
			expect.arrayContaining([
				{ path: 'category', code: 'opcion_invalida' },
				{ path: 'requirements.text', row: 1, code: 'requerido' },
				{ path: 'reviewBy', code: 'fecha_invalida' }
			])
		);
		// Codes only: the page words them from messages/, in Spanish or English.
		expect(JSON.stringify(again.data?.issues)).not.toMatch(/Invalid|expected|inválid|esperaba/);
		expect((await bo.editor.page(editorPath('tramite', slug))).status).toBe(404);
	});

	it('refuses a slug already in use and a responsible office that does not exist', async () => {
		expect((await createNews(bo.editor, OWN_SEED)).data?.refusal).toBe('ya_existe');
		const res = await createNews(bo.editor, unique('sin-dep'), { responsible: 'no-existe' });
		expect(res.data?.refusal).toBe('dependencia_invalida');
	});
});

function pdfBytes(extra = 0): Uint8Array<ArrayBuffer> {
	const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
	const bytes = new Uint8Array(head.length + extra);
	bytes.set(new TextEncoder().encode(head));
	return bytes;
}

function normaForm(
	slug: string,
	file?: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }
) {
	const form = new FormData();
	const fields: Record<string, string> = {
		slug,
		title: `Decreto de prueba ${slug}`,
		summary: '',
		responsible: 'secretaria-de-gobierno',
		reviewBy: '',
		body: 'Por el cual se adopta una prueba.',
		datos: `kind: decreto\nnumber: "${slug.slice(-4)}"\nissuedAt: ${today()}\nissuer: Alcalde municipal\ntopic: Pruebas\n`
	};
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	if (file) form.set('documento', new Blob([file.bytes], { type: file.type }), file.name);
	return form;
}

async function postMultipart(who: BackOffice, path: string, form: FormData) {
	const res = await fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			...(who.cookie ? { cookie: who.cookie } : {})
		},
		body: form
	});
	return (await res.json()) as { type: string; status: number; data?: string; location?: string };
}

describe('normativa PDFs', () => {
	it('accepts only real PDFs up to 5 MB', async () => {
		const fake = await postMultipart(
			bo.editor,
			'/gestion/contenido/norma/nuevo',
			normaForm(unique('falso'), {
				bytes: new TextEncoder().encode('<html><script>x()</script></html>'),
				name: 'decreto.pdf',
				type: 'application/pdf'
			})
		);
		expect(fake.status).toBe(400);
		expect(fake.data).toContain('no_es_pdf');
		const big = await postMultipart(
			bo.editor,
			'/gestion/contenido/norma/nuevo',
			normaForm(unique('grande'), {
				bytes: pdfBytes(5 * 1024 * 1024),
				name: 'decreto.pdf',
				type: 'application/pdf'
			})
		);
		expect(big.status).toBe(400);
		expect(big.data).toContain('pdf_muy_grande');
	});

	it('publishes the PDF on a public route and keeps it out of the offline pack', async () => {
		const slug = unique('decreto');
		const pdf = pdfBytes(40_000);
		const created = await postMultipart(
			bo.editor,
			'/gestion/contenido/norma/nuevo',
			normaForm(slug, { bytes: pdf, name: 'Decreto 001.pdf', type: 'application/pdf' })
		);
		expect(created.type, JSON.stringify(created)).toBe('redirect');
		// Not public while it is a draft.
		expect((await fetch(`${base}/normativa/${slug}/documento.pdf`)).status).toBe(404);
		expect((await act(bo.editor, 'norma', slug, 'publicar')).type).toBe('redirect');

		const { doc } = await eventually(
			() => published('norma', slug),
			(p) => p.status === 200
		);
		expect(doc?.documentUrl).toBe(`/normativa/${slug}/documento.pdf`);
		const file = await fetch(`${base}/normativa/${slug}/documento.pdf`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('application/pdf');
		expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
		const page = await (await fetch(`${base}/normativa/${slug}`)).text();
		expect(page).toContain(`href="/normativa/${slug}/documento.pdf"`);

		// The sync gate never sends attachments, stubs or bodies, whatever the device asks.
		const gate = `${base}/api/sync/contenido`;
		for (const q of ['', '?attachments=true', '?attachments=true&binary=true']) {
			const bulk = await fetch(`${gate}/_bulk_get${q}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ docs: [{ id: `norma:${slug}` }] })
			});
			expect(bulk.status).toBe(200);
			const text = await bulk.text();
			expect(text).toContain(`norma:${slug}`);
			expect(text).not.toContain('_attachments');
			expect(text.length).toBeLessThan(5000);
		}
		const single = await (await fetch(`${gate}/norma:${slug}?attachments=true`)).text();
		expect(single).toContain(`"documentUrl":"/normativa/${slug}/documento.pdf"`);
		expect(single).not.toContain('_attachments');

		// A real PouchDB pull stores the norma without fetching its PDF.
		const local = memoryDb();
		const calls: string[] = [];
		const source = new PouchDB(gate, {
			fetch: (url: string | URL | Request, init?: RequestInit) => {
				calls.push(String(url));
				return fetch(url, init);
			}
		} as PouchDB.Configuration.RemoteDatabaseConfiguration);
		const result = await PouchDB.replicate(source, local, {
			batch_size: 1000,
			checkpoint: 'target'
		});
		expect(result.ok).toBe(true);
		const copy = (await local.get(`norma:${slug}`)) as Record<string, unknown>;
		expect(copy._attachments).toBeUndefined();
		expect(calls.some((c) => c.includes('documento.pdf'))).toBe(false);

		// Saving the published norma again without a file keeps its PDF.
		await save(
			bo.editor,
			'norma',
			slug,
			Object.fromEntries([...normaForm(slug).entries()].map(([k, v]) => [k, String(v)])) as Record<
				string,
				string
			>
		);
		await act(bo.editor, 'norma', slug, 'publicar');
		const again = await fetch(`${base}/normativa/${slug}/documento.pdf`);
		expect(again.status).toBe(200);
		expect((await again.arrayBuffer()).byteLength).toBe(pdf.byteLength);
	});
});

describe('staleness view', () => {
	it('lists published items past their review date under their dependencia', async () => {
		const slug = unique('vencida');
		await publishNews(slug, { reviewBy: '2024-01-31', title: `Aviso vencido ${slug}` });
		const fresh = unique('al-dia');
		await publishNews(fresh, { reviewBy: '2099-01-01', title: `Aviso al día ${fresh}` });
		for (const who of [bo.editor, bo.comite, bo.gobierno]) {
			const page = await who.page('/gestion/vencimientos?dependencia=secretaria-de-gobierno');
			expect(page.status).toBe(200);
			const group =
				/data-dependencia="secretaria-de-gobierno"[\s\S]*?<\/section>/.exec(page.html)?.[0] ?? '';
			expect(group).toContain(`Aviso vencido ${slug}`);
			expect(group).not.toContain(`Aviso al día ${fresh}`);
		}
		// The committee reads it; only those who may edit get the editor link.
		const comite = await bo.comite.page('/gestion/vencimientos');
		expect(comite.html).toContain(`href="/noticias/${slug}"`);
		const gobierno = await bo.gobierno.page('/gestion/vencimientos');
		expect(gobierno.html).toContain(`href="${editorPath('noticia', slug)}"`);
	});
});
