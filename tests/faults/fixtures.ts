/**
 * Fixtures of the fault suite: one real server (own DATA_DIR) and one fault proxy in front of it
 * per worker; every test's pages use the proxy's origin. Ports of worker n: FAULTS_PORT + 2n
 * (server, FAULTS_PORT defaults to 4320) and the next one (proxy).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { filedRequests as listFiled } from '../helpers/as-official';
import { BackOffice } from '../helpers/backoffice-client';

/** The server's first administrator, who lists what was filed. */
const ADMIN = { username: 'admin.fallas', password: 'clave-fallas-admin-0001' };
const FIRST_PORT = Number(process.env.FAULTS_PORT ?? 4320);
const DATA_DIRS = process.env.FAULTS_DATA_DIR ?? '/tmp/ventanilla-faults-data';

export interface Stack {
	proxy: FaultProxy;
	/** The server's own address, for checks that must not go through the faults. */
	serverUrl: string;
	/** Kills the server process (SIGKILL, like a crash or a power cut); resolves when it is gone. */
	killServer(): Promise<void>;
	/** Starts the server again on the same port and DATA_DIR. */
	startServer(): Promise<void>;
	/** Moves the server's clock `ms` ahead of real time (0: back to real time). */
	setServerClock(ms: number): Promise<void>;
}

export const test = base.extend<{ faults: FaultProxy }, { stack: Stack }>({
	stack: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, { parallelIndex }) => {
			const SERVER_PORT = FIRST_PORT + 2 * parallelIndex;
			const PROXY_PORT = SERVER_PORT + 1;
			const DATA_DIR = `${DATA_DIRS}-${parallelIndex}`;
			/** The server's clock offset (see tests/helpers/server-clock.js). */
			const CLOCK_FILE = `${DATA_DIR}.reloj`;
			rmSync(DATA_DIR, { recursive: true, force: true });
			writeFileSync(CLOCK_FILE, '0');
			const env = {
				NODE_OPTIONS: `--import ${JSON.stringify(path.resolve(import.meta.dirname, '../helpers/server-clock.js'))}`,
				SERVER_CLOCK_FILE: CLOCK_FILE,
				ADMIN_USUARIO: ADMIN.username,
				ADMIN_CLAVE: ADMIN.password,
				// filedRequests signs in for every count.
				LOGIN_ATTEMPTS_PER_MINUTE: '1000',
				RATE_LIMIT_FACTOR: '1000'
			};
			let server: RunningServer = await startServer({ port: SERVER_PORT, dataDir: DATA_DIR, env });
			await packReady(server.url);
			const proxy = await startFaultProxy({ port: PROXY_PORT, targetPort: SERVER_PORT });
			await use({
				proxy,
				serverUrl: server.url,
				async killServer() {
					const exited = new Promise((r) => server.process.once('exit', r));
					server.process.kill('SIGKILL');
					await exited;
				},
				async startServer() {
					server = await startServer({ port: SERVER_PORT, dataDir: DATA_DIR, env });
					await packReady(server.url);
				},
				async setServerClock(ms) {
					writeFileSync(CLOCK_FILE, String(ms));
					// The server reads the file every 100 ms.
					await new Promise((r) => setTimeout(r, 400));
				}
			});
			rmSync(CLOCK_FILE, { force: true });
			await proxy.close();
			await server.stop();
		},
		{ scope: 'worker', timeout: 60_000 }
	],
	baseURL: async ({ stack }, use) => use(stack.proxy.url),
	faults: async ({ stack }, use) => {
		stack.proxy.passThrough();
		stack.proxy.clearLog();
		await use(stack.proxy);
		stack.proxy.passThrough();
	}
});

export { expect };

/**
 * Asks for the server's offline pack until it is built (the first manifest asked starts the
 * build), so a first pull reads it: the faults below are those of that pull.
 */
async function packReady(serverUrl: string): Promise<void> {
	await expect
		.poll(
			async () =>
				((await (await fetch(`${serverUrl}/api/sync/paquete`)).json()) as { segments: unknown[] })
					.segments.length,
			{ timeout: 30_000 }
		)
		.toBeGreaterThan(0);
}

/** Creates an official's account on the server, as its administrator. */
export async function createOfficial(
	stack: Stack,
	account: {
		username: string;
		name: string;
		roles: string[];
		dependencia: string;
		password: string;
	}
): Promise<void> {
	const adm = new BackOffice(stack.serverUrl);
	expect(await adm.signIn(ADMIN.username, ADMIN.password)).toBe(303);
	const res = await adm.action('/gestion/usuarios', { ...account });
	expect(res.type, JSON.stringify(res.data)).toBe('success');
}

/** Every filed request on the server (as its administrator, straight to the server). */
export const filedRequests = (stack: Stack) => listFiled(stack.serverUrl, ADMIN);

/** A segment of the offline pack, which a device's first pull reads (`$lib/sync/pack-apply`). */
export const PACK_SEGMENT = /^\/api\/sync\/paquete\/[\w-]{24}$/;

/** Ids of the public content the server offers for replication (design documents excluded). */
export async function serverContentIds(stack: Stack): Promise<string[]> {
	const res = await fetch(`${stack.serverUrl}/api/sync/contenido/_changes?style=all_docs`);
	const body = (await res.json()) as { results: Array<{ id: string; deleted?: boolean }> };
	return body.results
		.filter((r) => !r.deleted)
		.map((r) => r.id)
		.sort();
}

/** Ids of the documents in the device's PouchDB replica, read straight from IndexedDB. */
export async function deviceContentIds(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('_pouch_ventanilla-contenido');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('document-store').objectStore('document-store').getAllKeys();
					req.onsuccess = () => {
						db.close();
						resolve((req.result as string[]).slice().sort());
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}

/** Rows of one of the device's own Dexie tables (drafts, outbox, requests). */
export async function deviceRows<T = Record<string, unknown>>(
	page: Page,
	table: string
): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('ventanilla');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains(name)) {
						db.close();
						resolve([]);
						return;
					}
					const req = db.transaction(name).objectStore(name).getAll();
					req.onsuccess = () => {
						db.close();
						resolve(req.result as T[]);
					};
					req.onerror = () => reject(req.error);
				};
			}),
		table
	);
}

/** Waits until the offline pack is stored (the flag the app writes after a complete pull). */
export async function waitForPack(page: Page, timeout = 45_000) {
	await page.waitForFunction(() => localStorage.getItem('ventanilla.paquete') !== null, null, {
		timeout
	});
}

export { fillQueja } from '../helpers/queja-form';
