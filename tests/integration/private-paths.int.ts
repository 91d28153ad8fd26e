/**
 * Privacy is decided on the path as the router understands it, whatever its spelling: every
 * private route family answers `Cache-Control: private, no-store` (so no browser, proxy or
 * service worker keeps an official's page) and is never shared by the page micro-cache, under
 * `%67`, `%2F`, double slashes, trailing dots or mixed case as under its plain spelling.
 */
import { describe, expect, inject, it } from 'vitest';
import { BackOffice } from '../helpers/backoffice-client';
import { fileRequest } from './backoffice-fixtures';

const base = inject('baseUrl');

/** One path of every private family (back-office pages, back-office and personal APIs). */
const FAMILIES = [
	'/gestion',
	'/gestion/bandeja',
	'/gestion/usuarios',
	'/api/gestion/yo',
	'/api/gestion/replica',
	'/api/kiosco/yo',
	'/api/seguimiento'
];

/** The spellings of `path` that reach, or aim at, the same route. */
function spellings(path: string): string[] {
	const [, first = '', ...rest] = path.split('/');
	const tail = rest.length ? `/${rest.join('/')}` : '';
	const encodedFirstLetter = `%${first.charCodeAt(0).toString(16)}${first.slice(1)}`;
	return [
		path,
		`/${encodedFirstLetter}${tail}`,
		`/${first.toUpperCase()}${tail.toUpperCase()}`,
		`/${first[0]!.toUpperCase()}${first.slice(1)}${tail}`,
		`//${first}${tail}`,
		`/${first}.${tail}`,
		`/${first}/.${tail}`,
		`/${first}%2F${rest.join('%2F')}`,
		`/tramites/..${path}`,
		`/tramites/%2e%2e${path}`
	];
}

async function headersOf(path: string, cookie: string) {
	const res = await fetch(`${base}${path}`, {
		redirect: 'manual',
		headers: { cookie, accept: 'text/html' }
	});
	await res.arrayBuffer();
	return {
		status: res.status,
		cache: res.headers.get('cache-control'),
		hit: res.headers.get('x-ventanilla-cache')
	};
}

describe('private paths under every spelling', () => {
	it.each(FAMILIES)(
		'%s is private, no-store, never micro-cached, however it is written',
		async (path) => {
			const admin = new BackOffice(base);
			expect(await admin.signIn(inject('adminUser'), inject('adminPassword'))).toBe(303);
			for (const spelled of spellings(path)) {
				for (const cookie of [admin.cookie!, '']) {
					const { status, cache, hit } = await headersOf(spelled, cookie);
					const why = `${spelled} (${cookie ? 'con sesión' : 'sin sesión'}): ${status} ${cache}`;
					// A page or an answer under these spellings is private (a redirect or an error page
					// carries no one's data; SvelteKit answers some of them before the hooks).
					if (status >= 200 && status < 300) expect(cache, why).toBe('private, no-store');
					// …and never a render shared with other visitors.
					expect(hit, why).toBeNull();
				}
			}
			await admin.signOut();
		}
	);

	it('serves an applicant’s request page under an encoded spelling only with no-store', async () => {
		const { radicado } = await fileRequest();
		const admin = new BackOffice(base);
		expect(await admin.signIn(inject('adminUser'), inject('adminPassword'))).toBe(303);
		const res = await fetch(`${base}/%67estion/solicitudes/${radicado}`, {
			headers: { cookie: admin.cookie!, accept: 'text/html' }
		});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain(radicado);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		await admin.signOut();
	});
});
