import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { BackOffice } from '../helpers/backoffice-client';

let server: RunningServer;

beforeAll(async () => {
	server = await startServer({
		env: { ADMIN_USUARIO: 'Admin Con Espacios', ADMIN_CLAVE: 'corta' }
	});
});
afterAll(() => server?.stop());

describe('first administrator from the environment', () => {
	it('keeps the portal up and says in Spanish what is wrong with ADMIN_USUARIO / ADMIN_CLAVE', async () => {
		expect((await fetch(`${server.url}/api/salud`)).status).toBe(200);
		expect((await fetch(`${server.url}/`)).status).toBe(200);
		expect(server.output()).toMatch(/No se creó el primer administrador: .*usuario inválido/);
		expect(server.output()).not.toMatch(/ZodError/);
	});

	it('creates no account from invalid values', async () => {
		const bo = new BackOffice(server.url);
		expect(await bo.signIn('Admin Con Espacios', 'corta')).not.toBe(303);
	});
});
