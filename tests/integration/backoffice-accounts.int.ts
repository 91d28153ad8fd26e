/**
 * Officials' accounts and sessions against the real server: the first administrator from the
 * environment, account management, sign-in errors that reveal nothing, sign-out, deactivation,
 * and forged or replayed session cookies.
 */
import { describe, expect, inject, it } from 'vitest';
import { BackOffice } from '../helpers/backoffice-client';
import { admin, base, PASSWORD } from './backoffice-fixtures';

describe('officials sign in', () => {
	it('creates the first administrator from ADMIN_USUARIO / ADMIN_CLAVE', async () => {
		const adm = await admin();
		const page = await adm.page('/gestion/usuarios');
		expect(page.status).toBe(200);
		expect(page.html).toContain(inject('adminUser'));
	});

	it('gives the same answer for a wrong password and an unknown user', async () => {
		const wrong = await new BackOffice(base).action('/gestion/ingresar', {
			usuario: inject('adminUser'),
			clave: 'no-es-la-clave'
		});
		const unknown = await new BackOffice(base).action('/gestion/ingresar', {
			usuario: 'nadie.existe',
			clave: 'no-es-la-clave'
		});
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.data).toEqual({ username: inject('adminUser'), invalid: true });
		expect(unknown.data).toEqual({ username: 'nadie.existe', invalid: true });
	});

	it('sends people without a session to the sign-in page and back', async () => {
		const page = await new BackOffice(base).page('/gestion/bandeja?estado=radicada');
		expect(page.status).toBe(303);
		expect(page.location).toBe('/gestion/ingresar?volver=%2Fgestion%2Fbandeja%3Festado%3Dradicada');
	});

	it('never redirects after sign-in to another site', async () => {
		const res = await fetch(`${base}/gestion/ingresar`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({
				usuario: inject('adminUser'),
				clave: inject('adminPassword'),
				volver: '//evil.example/gestion'
			})
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/gestion');
	});

	it('grants nothing to forged, malformed or ended session cookies', async () => {
		for (const cookie of [
			'ventanilla_sesion=' + 'A'.repeat(43),
			'ventanilla_sesion=../../_users',
			'ventanilla_sesion=' + '%00'.repeat(20),
			'ventanilla_sesion=' + 'x'.repeat(5000)
		]) {
			const page = await new BackOffice(base, cookie).page('/gestion/usuarios');
			expect(page.status, cookie.slice(0, 40)).toBe(303);
		}
		const adm = await admin();
		const replay = adm.cookie;
		await adm.signOut();
		const after = await new BackOffice(base, replay).page('/gestion/usuarios');
		expect(after.status).toBe(303);
	});

	it('marks back-office pages as not storable', async () => {
		const adm = await admin();
		const res = await fetch(`${base}/gestion`, { headers: { cookie: adm.cookie ?? '' } });
		expect(res.headers.get('cache-control')).toBe('private, no-store');
	});
});

describe('account management', () => {
	it('creates an account that can sign in, and refuses a duplicate', async () => {
		const adm = await admin();
		const fields = {
			username: 'maria.cuentas',
			name: 'María Cuentas',
			roles: ['funcionario'],
			dependencia: 'secretaria-de-hacienda',
			password: PASSWORD
		};
		expect((await adm.action('/gestion/usuarios', fields)).type).toBe('success');
		const dup = await adm.action('/gestion/usuarios', fields);
		expect(dup.status).toBe(409);
		expect(dup.data?.refused).toBe('usuario_existe');
		expect(await new BackOffice(base).signIn('maria.cuentas', PASSWORD)).toBe(303);
	});

	it('refuses invalid accounts with the fields to fix, storing nothing', async () => {
		const adm = await admin();
		const bad = await adm.action('/gestion/usuarios', {
			username: 'X',
			name: '',
			roles: ['rey'],
			password: 'corta'
		});
		expect(bad.status).toBe(400);
		expect(bad.data?.issues).toEqual([
			{ path: 'username', code: 'formato_invalido' },
			{ path: 'name', code: 'requerido' },
			{ path: 'roles', code: 'requerido' },
			{ path: 'password', code: 'muy_corto' }
		]);
		const noDep = await adm.action('/gestion/usuarios', {
			username: 'sin.dependencia',
			name: 'Sin Dependencia',
			roles: ['funcionario'],
			password: PASSWORD
		});
		expect(noDep.data?.refused).toBe('falta_dependencia');
		expect(await new BackOffice(base).signIn('sin.dependencia', PASSWORD)).toBe(401);
	});

	it('locks a deactivated account out at once, open sessions included', async () => {
		const adm = await admin();
		await adm.action('/gestion/usuarios', {
			username: 'pedro.inactivo',
			name: 'Pedro Inactivo',
			roles: ['editor'],
			password: PASSWORD
		});
		const pedro = new BackOffice(base);
		expect(await pedro.signIn('pedro.inactivo', PASSWORD)).toBe(303);
		expect((await pedro.page('/gestion')).status).toBe(200);
		const res = await adm.action('/gestion/usuarios/pedro.inactivo', {
			name: 'Pedro Inactivo',
			roles: ['editor'],
			active: ['off']
		});
		expect(res.type).toBe('success');
		expect((await pedro.page('/gestion')).status).toBe(303);
		expect(await new BackOffice(base).signIn('pedro.inactivo', PASSWORD)).toBe(401);
	});

	it('never leaves the portal without an active administrator', async () => {
		const adm = await admin();
		const res = await adm.action(`/gestion/usuarios/${inject('adminUser')}`, {
			name: 'Administrador',
			roles: ['editor'],
			active: ['off', 'on']
		});
		expect(res.status).toBe(409);
		expect(res.data?.refused).toBe('ultimo_administrador');
	});

	it('changes a password only when a new one is given', async () => {
		const adm = await admin();
		await adm.action('/gestion/usuarios', {
			username: 'ana.clave',
			name: 'Ana Clave',
			roles: ['editor'],
			password: PASSWORD
		});
		await adm.action('/gestion/usuarios/ana.clave', {
			name: 'Ana Clave',
			roles: ['editor'],
			active: ['off', 'on']
		});
		expect(await new BackOffice(base).signIn('ana.clave', PASSWORD)).toBe(303);
		await adm.action('/gestion/usuarios/ana.clave', {
			name: 'Ana Clave',
			roles: ['editor'],
			active: ['off', 'on'],
			password: 'otra-clave-segura-1'
		});
		expect(await new BackOffice(base).signIn('ana.clave', PASSWORD)).toBe(401);
		expect(await new BackOffice(base).signIn('ana.clave', 'otra-clave-segura-1')).toBe(303);
	});
});
