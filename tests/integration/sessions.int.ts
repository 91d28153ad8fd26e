/**
 * Ending officials' sessions: a password reset or change, a deactivation, "sign out everywhere
 * else" and an administrator's "end every session" take effect at once (sessions are read from
 * the store on every request, on every server). And the last active administrator cannot be
 * removed, not even by two administrators removing each other at the same moment (on a server
 * of its own, with exactly two administrators).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { RunningServer } from '../helpers/app-server.js';
import { BackOffice, ownServerWithAdmin } from '../helpers/backoffice-client';
import { admin, PASSWORD } from './backoffice-fixtures';

const base = inject('baseUrl');
let n = 0;

/** A new account with `roles`, and two signed-in sessions of it (two devices). */
async function account(roles: string[] = ['funcionario']) {
	const adm = await admin();
	const username = `sesion.${Date.now().toString(36)}${n++}`;
	const res = await adm.action('/gestion/usuarios', {
		username,
		name: 'Prueba sesiones',
		roles,
		dependencia: 'secretaria-de-gobierno',
		password: PASSWORD
	});
	expect(res.type, JSON.stringify(res.data)).toBe('success');
	const devices: BackOffice[] = [];
	for (let i = 0; i < 2; i++) {
		const bo = new BackOffice(base);
		expect(await bo.signIn(username, PASSWORD)).toBe(303);
		devices.push(bo);
	}
	return { adm, username, devices: devices as [BackOffice, BackOffice] };
}

const signedIn = async (bo: BackOffice) => {
	const res = await fetch(`${base}/api/gestion/yo`, { headers: { cookie: bo.cookie ?? '' } });
	await res.arrayBuffer();
	return res.status === 200;
};

const edit = (adm: BackOffice, username: string, fields: Record<string, string | string[]>) =>
	adm.action(`/gestion/usuarios/${username}`, {
		name: 'Prueba sesiones',
		roles: ['funcionario'],
		dependencia: 'secretaria-de-gobierno',
		active: 'on',
		...fields
	});

describe('ending sessions', () => {
	it('a password reset by an administrator ends every session of the account at once', async () => {
		const { adm, username, devices } = await account();
		expect(await signedIn(devices[0])).toBe(true);
		const res = await edit(adm, username, { password: 'otra-clave-de-prueba-1' });
		expect(res.type, JSON.stringify(res.data)).toBe('success');
		expect(await signedIn(devices[0])).toBe(false);
		expect(await signedIn(devices[1])).toBe(false);
		// The new password signs in.
		expect(await new BackOffice(base).signIn(username, 'otra-clave-de-prueba-1')).toBe(303);
	});

	it('an edit without a new password leaves the sessions open', async () => {
		const { adm, username, devices } = await account();
		expect((await edit(adm, username, { name: 'Otro nombre' })).type).toBe('success');
		expect(await signedIn(devices[0])).toBe(true);
	});

	it('a deactivation ends the sessions at once', async () => {
		const { adm, username, devices } = await account();
		const res = await adm.action(`/gestion/usuarios/${username}`, {
			name: 'Prueba sesiones',
			roles: ['funcionario'],
			dependencia: 'secretaria-de-gobierno',
			active: 'off'
		});
		expect(res.type, JSON.stringify(res.data)).toBe('success');
		expect(await signedIn(devices[0])).toBe(false);
		expect(await signedIn(devices[1])).toBe(false);
	});

	it('an official changes their password: their other sessions end, this one stays', async () => {
		const { username, devices } = await account();
		const [here, there] = devices;
		const wrong = await here.action('/gestion/cuenta?/clave', {
			actual: 'no-es-la-clave',
			nueva: 'clave-nueva-propia-1',
			repetida: 'clave-nueva-propia-1'
		});
		expect(wrong.data?.problem).toBe('clave_actual_incorrecta');
		expect(await signedIn(there)).toBe(true);
		const changed = await here.action('/gestion/cuenta?/clave', {
			actual: PASSWORD,
			nueva: 'clave-nueva-propia-1',
			repetida: 'clave-nueva-propia-1'
		});
		expect(changed.data?.changed).toBe(true);
		expect(await signedIn(here)).toBe(true);
		expect(await signedIn(there)).toBe(false);
		expect(await new BackOffice(base).signIn(username, PASSWORD)).not.toBe(303);
	});

	it('"sign out everywhere else" and an administrator\'s "end every session"', async () => {
		const { adm, username, devices } = await account();
		const [here, there] = devices;
		const page = await here.page('/gestion/cuenta');
		expect(page.html).toMatch(/contando esta: [2-9]/);
		const ended = await here.action('/gestion/cuenta?/sesiones', {});
		expect(ended.data?.ended).toBe(1);
		expect(await signedIn(here)).toBe(true);
		expect(await signedIn(there)).toBe(false);

		const all = await adm.action(`/gestion/usuarios/${username}/sesiones`, {});
		expect(all.type).toBe('redirect');
		expect(all.location).toBe(`/gestion/usuarios/${username}?sesiones=1`);
		expect(await signedIn(here)).toBe(false);
		// Only administrators end other accounts' sessions.
		const other = await account();
		const refused = await other.devices[0].action(`/gestion/usuarios/${username}/sesiones`, {});
		expect(refused.status).toBe(403);
	});
});

describe('the last administrator', () => {
	let server: RunningServer | undefined;
	afterAll(() => server?.stop());

	it('two administrators removing each other at the same moment leave one', async () => {
		const first = { username: 'admin.unico', password: 'clave-admin-unico-01' };
		const own = await ownServerWithAdmin(first);
		server = own.server;
		const created = await own.adm.action('/gestion/usuarios', {
			username: 'admin.segundo',
			name: 'Segundo administrador',
			roles: ['administrador'],
			password: PASSWORD
		});
		expect(created.type, JSON.stringify(created.data)).toBe('success');
		const second = new BackOffice(server.url);
		expect(await second.signIn('admin.segundo', PASSWORD)).toBe(303);
		const deactivate = (by: BackOffice, username: string, name: string) =>
			by.action(`/gestion/usuarios/${username}`, {
				name,
				roles: ['administrador'],
				active: 'off'
			});
		const results = await Promise.all([
			deactivate(own.adm, 'admin.segundo', 'Segundo administrador'),
			deactivate(second, first.username, 'Administrador')
		]);
		const types = results.map((r) => r.type).sort();
		expect(types).toEqual(['failure', 'success']);
		expect(results.find((r) => r.type === 'failure')?.data?.refused).toBe('ultimo_administrador');
		// Someone can still administer: one of the two signs in and sees the accounts.
		const stillIn = [own.adm, second];
		const pages = await Promise.all(stillIn.map((bo) => bo.page('/gestion/usuarios')));
		expect(pages.some((p) => p.status === 200)).toBe(true);
	});
});
