/**
 * The sign-in rate limit, on a server of its own (the shared one allows many sign-ins so the
 * other suites can log in freely).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { BackOffice } from '../helpers/backoffice-client';

let server: RunningServer;

beforeAll(async () => {
	server = await startServer({
		env: {
			ADMIN_USUARIO: 'admin.limite',
			ADMIN_CLAVE: 'clave-limite-0001',
			LOGIN_ATTEMPTS_PER_MINUTE: '5'
		}
	});
});
afterAll(() => server?.stop());

describe('sign-in rate limit', () => {
	it('refuses further attempts from an address after the limit, even with the right password', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) {
			statuses.push(await new BackOffice(server.url).signIn('admin.limite', `mala-${i}-clave`));
		}
		expect(statuses).toEqual([401, 401, 401, 401, 401]);
		const blocked = await new BackOffice(server.url).action('/gestion/ingresar', {
			usuario: 'admin.limite',
			clave: 'clave-limite-0001'
		});
		expect(blocked.status).toBe(429);
		expect(Number(blocked.data?.retryAfter)).toBeGreaterThan(0);
		const page = await new BackOffice(server.url).page('/gestion/ingresar');
		expect(page.status).toBe(200);
	});
});
