import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	API_FAMILIES,
	PAGES_CACHED_AFTER_INSTALL,
	PAGE_FAMILIES,
	isPrivatePath,
	keptAfterKioskSession,
	mayShareRender,
	mayStorePage,
	normalizePath,
	pathFamily,
	safeReturnPath,
	languageReturnPath
} from './policy.js';

const folders = (dir: string) =>
	readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name);

describe('every route folder has a privacy family', () => {
	it.each(folders('src/routes').filter((f) => f !== 'api'))('/%s', (folder) => {
		expect(PAGE_FAMILIES[folder]).toBeDefined();
	});
	it.each(folders('src/routes/api'))('/api/%s', (folder) => {
		expect(API_FAMILIES[folder]).toBeDefined();
	});
	it('lists no folder that does not exist', () => {
		const pages = new Set(folders('src/routes'));
		for (const f of Object.keys(PAGE_FAMILIES)) if (f) expect(pages.has(f), f).toBe(true);
		const api = new Set(folders('src/routes/api'));
		for (const f of Object.keys(API_FAMILIES)) expect(api.has(f), f).toBe(true);
	});
});

describe('pages cached after the install', () => {
	it('are page folders a device keeps offline, never what a citizen needs first', () => {
		const pages = new Set(folders('src/routes'));
		for (const folder of PAGES_CACHED_AFTER_INSTALL) {
			expect(pages.has(folder), folder).toBe(true);
			expect(mayStorePage(`/${folder}`), folder).toBe(true);
		}
		for (const first of ['', 'app-shell', 'tramites', 'formularios', 'pqrsd', 'transparencia']) {
			expect(PAGES_CACHED_AFTER_INSTALL).not.toContain(first);
		}
	});
});

describe('private paths whatever their spelling', () => {
	const spellings = [
		'/gestion',
		'/gestion/',
		'/%67estion/solicitudes/PG-2026-000001',
		'/%2567estion/solicitudes',
		'/%25%36%37estion/bandeja',
		'/GESTION/bandeja',
		'/Gestion/Bandeja',
		'//gestion/bandeja',
		'///gestion//bandeja',
		'/gestion./bandeja',
		'/gestion%2E/bandeja',
		'/./gestion/bandeja',
		'/tramites/../gestion/bandeja',
		'/tramites/%2e%2e/gestion/bandeja',
		'/\\gestion/bandeja',
		'/%5Cgestion/bandeja',
		'/ges%09tion/bandeja',
		'/gestion%2Fbandeja',
		'/api/gestion/yo',
		'/api%2Fgestion/yo',
		'/%61pi/%67estion/replica',
		'/api/seguimiento',
		'/api/algo-nuevo',
		'/no-existe',
		'/%E0%A4%A/gestion'
	];
	it.each(spellings)('%s', (path) => {
		expect(isPrivatePath(path)).toBe(true);
		expect(mayStorePage(path)).toBe(false);
		expect(mayShareRender(path)).toBe(false);
	});
});

describe('normalizePath', () => {
	it('decodes, lowercases, collapses and resolves', () => {
		expect(normalizePath('/%67estion//Solicitudes/./x.')).toBe('/gestion/solicitudes/x');
		expect(normalizePath('/a/b/../../../c')).toBe('/c');
		expect(normalizePath('/')).toBe('/');
	});
});

describe('families of public and personal pages', () => {
	it('shares and stores public pages', () => {
		for (const p of ['/', '/tramites/certificado-de-residencia', '/noticias', '/guardado']) {
			expect(pathFamily(p)).toBe('public');
			expect(mayShareRender(p)).toBe(true);
			expect(mayStorePage(p)).toBe(true);
		}
	});
	it('stores personal pages on the device but never shares their render', () => {
		for (const p of ['/seguimiento', '/mis-solicitudes', '/formularios/peticion', '/trabajo']) {
			expect(pathFamily(p)).toBe('personal');
			expect(mayShareRender(p)).toBe(false);
			expect(mayStorePage(p)).toBe(true);
		}
	});
	it('treats API answers and assets as neither pages to store nor renders to share', () => {
		expect(mayStorePage('/api/contenido/tramite/x')).toBe(false);
		expect(pathFamily('/_app/immutable/entry/start.js')).toBe('asset');
		expect(mayShareRender('/_app/version.json')).toBe(false);
		expect(mayShareRender('/idioma/en')).toBe(false);
	});
	it('keeps on a kiosk only public pages without a query', () => {
		const u = (p: string) => new URL(p, 'https://x.example');
		expect(keptAfterKioskSession(u('/tramites'))).toBe(true);
		expect(keptAfterKioskSession(u('/noticias?pagina=2'))).toBe(false);
		expect(keptAfterKioskSession(u('/seguimiento'))).toBe(false);
		expect(keptAfterKioskSession(u('/%67estion/solicitudes/x'))).toBe(false);
		expect(keptAfterKioskSession(u('/api/buscar?q=x'))).toBe(false);
		expect(keptAfterKioskSession(u('/api/contenido/tramite/x'))).toBe(true);
	});
});

describe('safeReturnPath', () => {
	const backOffice = { allow: ['private'] as const, fallback: '/gestion' };
	const anyPage = { allow: ['public', 'personal', 'private'] as const, fallback: '/' };
	it.each([
		'/\t/evil.example/x',
		'/%09/evil.example',
		'//evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'https://evil.example/gestion',
		'javascript:alert(1)',
		'data:text/html,hola',
		' /gestion',
		'/gestion/../idioma/es?volver=//evil.example',
		'/gestion/%2e%2e/idioma/es',
		'/api/gestion/yo',
		'/no-existe'
	])('refuses %s', (raw) => {
		expect(safeReturnPath(raw, backOffice)).toBe('/gestion');
	});
	it('keeps same-site pages of the allowed families, normalised, with their query', () => {
		expect(safeReturnPath('/gestion/bandeja?estado=radicada', backOffice)).toBe(
			'/gestion/bandeja?estado=radicada'
		);
		expect(safeReturnPath('/tramites/x', backOffice)).toBe('/gestion');
		expect(safeReturnPath('/tramites/x?y=1', anyPage)).toBe('/tramites/x?y=1');
		expect(safeReturnPath('/%67estion', anyPage)).toBe('/gestion');
		expect(safeReturnPath('/idioma/en', anyPage)).toBe('/');
		expect(safeReturnPath(null, anyPage)).toBe('/');
	});
});

describe('languageReturnPath', () => {
	it('goes back to any page of the portal, query kept, and home for anything else', () => {
		expect(languageReturnPath('/tramites?q=licencia')).toBe('/tramites?q=licencia');
		expect(languageReturnPath('/mis-solicitudes')).toBe('/mis-solicitudes');
		expect(languageReturnPath('/gestion/bandeja')).toBe('/gestion/bandeja');
		expect(languageReturnPath('//evil.example/x')).toBe('/');
		expect(languageReturnPath(undefined)).toBe('/');
	});
});
