/**
 * The server's micro-cache of public pages (server/page-cache.js): what it reuses, and above all
 * what it must never reuse (personal pages, credentials, other languages, non-GET).
 */
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

async function get(path: string, headers: Record<string, string> = {}) {
	const res = await fetch(base + path, { headers, redirect: 'manual' });
	return { res, cache: res.headers.get('x-ventanilla-cache'), html: await res.text() };
}

describe('micro-cache of public pages', () => {
	it('renders a public page once and reuses it, saying it varies by cookie', async () => {
		await get('/noticias');
		const again = await get('/noticias');
		expect(again.res.status).toBe(200);
		expect(again.cache).toMatch(/^(hit|stale)$/);
		expect(again.res.headers.get('vary')).toMatch(/cookie/i);
		expect(again.res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(again.html).toMatch(/Noticias/);
	});

	it('answers a conditional request for a cached page with 304', async () => {
		const first = await get('/tramites');
		const etag = first.res.headers.get('etag');
		expect(etag).toBeTruthy();
		const again = await fetch(base + '/tramites', { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
	});

	it('keeps one copy per language', async () => {
		await get('/', { cookie: 'ventanilla_idioma=en' });
		const en = await get('/', { cookie: 'ventanilla_idioma=en' });
		const es = await get('/');
		expect(en.html).toMatch(/<html lang="en"/);
		expect(es.html).toMatch(/<html lang="es"/);
	});

	it.each([
		'/formularios/peticion-general',
		'/seguimiento',
		'/mis-solicitudes',
		'/kiosco/activar',
		'/api/salud'
	])('never caches %s', async (path) => {
		await get(path);
		const again = await get(path);
		expect(again.cache).toBeNull();
	});

	it('never answers a request with the session cookie or credentials from the cache', async () => {
		await get('/directorio');
		expect((await get('/directorio', { cookie: 'ventanilla_sesion=abc' })).cache).toBeNull();
		expect((await get('/directorio', { authorization: 'Bearer x' })).cache).toBeNull();
	});

	it('never answers a kiosk from the cache, nor keeps its pages (they carry its layout)', async () => {
		await get('/entidades');
		expect((await get('/entidades', { cookie: 'ventanilla_kiosco=abc' })).cache).toBeNull();
		// A page first rendered for a kiosk is not there for the next visitor.
		const fresh = `/entidades?kiosco=${Date.now()}`;
		expect((await get(fresh, { cookie: 'ventanilla_kiosco=abc' })).cache).toBeNull();
		expect((await get(fresh)).cache).toBeNull();
	});

	it('never caches a page that is not found', async () => {
		await get('/no-existe-esta-pagina');
		const again = await get('/no-existe-esta-pagina');
		expect(again.res.status).toBe(404);
		expect(again.cache).toBeNull();
	});
});
