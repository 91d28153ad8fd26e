import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../helpers/app-server.js';

let server: RunningServer | undefined;

/** First back-office administrator, created from the environment at start. */
const ADMIN_USER = 'admin.pruebas';
const ADMIN_PASSWORD = 'clave-de-pruebas-0001';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		adminUser: string;
		adminPassword: string;
		/** The shared server's entry process (`node server/index.js`). */
		serverPid: number;
	}
}

/** One real server (built app + embedded store, fresh data dir) for the integration suite. */
export async function setup(project: TestProject) {
	server = await startServer({
		env: {
			ADMIN_USUARIO: ADMIN_USER,
			ADMIN_CLAVE: ADMIN_PASSWORD,
			// The login rate limit has its own test with its own server; here every test signs in.
			LOGIN_ATTEMPTS_PER_MINUTE: '10000',
			RATE_LIMIT_FACTOR: '1000'
		}
	});
	project.provide('baseUrl', server.url);
	project.provide('adminUser', ADMIN_USER);
	project.provide('adminPassword', ADMIN_PASSWORD);
	project.provide('serverPid', server.process.pid ?? 0);
}

export async function teardown() {
	await server?.stop();
}
