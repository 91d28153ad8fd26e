import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../helpers/app-server.js';

let server: RunningServer | undefined;

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

/** One real server (built app + embedded store, fresh data dir) for the integration suite. */
export async function setup(project: TestProject) {
	server = await startServer();
	project.provide('baseUrl', server.url);
}

export async function teardown() {
	await server?.stop();
}
