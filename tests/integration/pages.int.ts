import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const page = async (path: string, headers: Record<string, string> = {}) => {
	const res = await fetch(base + path, { headers, redirect: 'manual' });
	return { res, html: await res.text() };
};

describe('server-rendered public pages (readable without JavaScript)', () => {
	it('renders the home page in Spanish with the GOV.CO bar, menu and footer', async () => {
		const { res, html } = await page('/');
		expect(res.status).toBe(200);
		expect(html).toMatch(/<html lang="es"/);
		expect(html).toContain('https://www.gov.co/home/');
		expect(html).toContain('href="/transparencia"');
		expect(html).toMatch(/Notificaciones judiciales/i);
		expect(html).toContain('href="/mapa-del-sitio"');
	});

	it('carries the page frame’s stylesheet inline: no render-blocking request before first paint', async () => {
		const { html } = await page('/');
		// SvelteKit also lists the files, disabled, for client-side navigation.
		const blocking = (html.match(/<link[^>]+rel="stylesheet"[^>]*>/g) ?? []).filter(
			(link) => !/\sdisabled[\s>]/.test(link)
		);
		expect(blocking).toEqual([]);
		expect(html).toMatch(/<style[^>]*>((?!<\/style>)[\s\S])*\.site-header/);
	});

	it.each([
		['/tramites/certificado-de-residencia', /Requisitos/],
		// Res. 1519's numbers once: "1.1 Misión…", never "1.1 1.1 Misión…".
		['/transparencia', />1\.1 Misión, visión, funciones y deberes</],
		['/transparencia/1-1-mision-vision-funciones', /<h1>1\.1 Misión, visión/],
		// An item lists its sub-items (three-level codes, as the ITA matrix numbers Participa).
		['/transparencia/6-2-estructura-del-menu-participa', />6\.2\.6 Control social</],
		['/transparencia/2-1-6-agenda-regulatoria', /Por qué no aplica: El Decreto 1081 de 2015/],
		['/informacion/plan-de-accion-gel-t', /Comité GEL-T/i],
		['/directorio', /Secretaría/],
		['/normativa', /Ley 1712/],
		['/normativa/resolucion-2336-de-2008', /Vigencia por confirmar/],
		['/concejo', /Concejo/],
		['/noticias', /Noticias/],
		['/buscar?q=sisben', /SISB/i],
		['/mapa-del-sitio', /Mapa del sitio/]
	])('renders %s with its content', async (path, expected) => {
		const { res, html } = await page(path);
		expect(res.status).toBe(200);
		expect(html).toMatch(expected);
	});

	it('says the field workspace is loading until its scripts draw it, never a blank page', async () => {
		const trabajo = await (await fetch(`${base}/trabajo`)).text();
		expect(trabajo).toContain(
			'<p class="cargando-inicial" role="status">Cargando lo guardado en este equipo…</p>'
		);
		const home = await (await fetch(`${base}/`)).text();
		expect(home).not.toMatch(/<p class="cargando-inicial"|%ventanilla/);
	});

	it('shows who is responsible for an item and when it was last updated', async () => {
		const { html } = await page('/tramites/certificado-de-residencia');
		expect(html).toContain('Responsable');
		expect(html).toContain('Última actualización');
	});

	it('answers a missing page with a 404 page in Spanish', async () => {
		const { res, html } = await page('/tramites/no-existe');
		expect(res.status).toBe(404);
		expect(html).toContain('No encontramos esta página');
	});

	it('switches to English without JavaScript and never redirects off-site', async () => {
		const { res } = await page('/idioma/en?volver=/tramites');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/tramites');
		const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
		expect(cookie).toBe('ventanilla_idioma=en');
		const { html } = await page('/tramites', { cookie });
		expect(html).toMatch(/<html lang="en"/);
		const evil = await page('/idioma/en?volver=//evil.example');
		expect(evil.res.headers.get('location')).toBe('/');
	});

	it('compresses HTML for slow links', async () => {
		const res = await fetch(base + '/', { headers: { 'accept-encoding': 'br, gzip' } });
		expect(res.headers.get('content-encoding')).toMatch(/br|gzip/);
	});
});
