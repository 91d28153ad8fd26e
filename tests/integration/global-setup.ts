import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../helpers/app-server.js';

let server: RunningServer | undefined;

/** Bearer token of the interim admin API on the test server (tests/integration/admin*.int.ts). */
const ADMIN_TOKEN = 'token-de-pruebas-de-integracion';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		adminToken: string;
	}
}

/** One real server (built app + embedded store, fresh data dir) for the integration suite. */
export async function setup(project: TestProject) {
	server = await startServer({ env: { ADMIN_TOKEN } });
	project.provide('baseUrl', server.url);
	project.provide('adminToken', ADMIN_TOKEN);
}

export async function teardown() {
	await server?.stop();
}
