import { describe, expect, it } from 'vitest';
import { readUserForm } from './user-form';

const form = (entries: Array<[string, string]>) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};

describe('the account form', () => {
	it('reads a valid account, and never shows the password again', () => {
		const r = readUserForm(
			form([
				['username', ' Maria.Gomez '],
				['name', 'María Gómez'],
				['roles', 'funcionario'],
				['roles', 'rey'],
				['dependencia', 'secretaria-de-hacienda'],
				['password', ' una clave larga ']
			])
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.input).toMatchObject({
			username: 'maria.gomez',
			roles: ['funcionario'],
			active: true,
			// Passwords are taken as typed, spaces included.
			password: ' una clave larga '
		});
		expect(r.values).not.toHaveProperty('password');
	});

	it('answers one code per field to fix', () => {
		const r = readUserForm(
			form([
				['username', 'X'],
				['name', ''],
				['roles', 'rey'],
				['password', 'corta']
			])
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues).toEqual([
			{ path: 'username', code: 'formato_invalido' },
			{ path: 'name', code: 'requerido' },
			{ path: 'roles', code: 'requerido' },
			{ path: 'password', code: 'muy_corto' }
		]);
		expect(r.values).toMatchObject({ username: 'x', name: '', roles: [] });
	});

	it('keeps the username of the account being edited, and reads an unticked "active" box', () => {
		const r = readUserForm(
			form([
				['name', 'Pedro'],
				['roles', 'editor'],
				['active', 'off']
			]),
			'pedro.inactivo'
		);
		expect(r.ok && r.input).toMatchObject({ username: 'pedro.inactivo', active: false });
	});
});
