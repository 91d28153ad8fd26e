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

describe('failed sign-ins per account', () => {
	it('locks an account after 10 failures from any address, but never for its own successes', async () => {
		const other = await startServer({
			env: {
				ADMIN_USUARIO: 'admin.cuenta',
				ADMIN_CLAVE: 'clave-cuenta-0001',
				LOGIN_ATTEMPTS_PER_MINUTE: '1000'
			}
		});
		try {
			for (let i = 0; i < 12; i++) {
				expect(await new BackOffice(other.url).signIn('admin.cuenta', 'clave-cuenta-0001')).toBe(
					303
				);
			}
			const failures: number[] = [];
			for (let i = 0; i < 11; i++) {
				failures.push(await new BackOffice(other.url).signIn('admin.cuenta', `mala-${i}-clave`));
			}
			expect(failures.slice(0, 10).every((s) => s === 401)).toBe(true);
			expect(failures[10]).toBe(429);
		} finally {
			await other.stop();
		}
	});
});
