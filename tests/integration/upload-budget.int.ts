/**
 * Large bodies in flight are capped per server (`LIMITS.uploadBytesInFlight`): past the cap a
 * new large body gets 503 with Retry-After, in Spanish, as JSON for the API and as a page for a
 * form posted without JavaScript; nothing is stored, and once the others end, uploads pass
 * again. On a server of its own: the held uploads would make other suites wait.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { LIMITS } from '../../src/lib/policy.js';

let server: RunningServer;
beforeAll(async () => {
	// The budget bounds one process's memory, so each app worker has its own: one worker, so
	// that every held upload lands in the budget the test fills.
	server = await startServer({ env: { WORKERS: '1' } });
}, 60_000);
afterAll(() => server?.stop());

/** A chunked upload that has started and is left open (a phone sending slowly). */
function slowUpload(path: string): { req: ClientRequest; done: Promise<number> } {
	const url = new URL(path, server.url);
	const req = httpRequest(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
	});
	const done = new Promise<number>((resolve, reject) => {
		req.on('response', (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
	});
	req.write('{"id":');
	return { req, done };
}

const largeJson = () => JSON.stringify({ relleno: 'x'.repeat(LIMITS.uploadTrackedFrom * 2) });

describe('the upload budget', () => {
	it('answers a large body 503 with Retry-After while the budget is full, and lets it in after', async () => {
		// A chunked body counts as the largest accepted: this many fill the budget.
		const holders = Math.floor(LIMITS.uploadBytesInFlight / LIMITS.bodyBytes);
		const held = Array.from({ length: holders }, () => slowUpload('/api/solicitudes'));
		await new Promise((r) => setTimeout(r, 500));

		const refused = await fetch(`${server.url}/api/solicitudes`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: largeJson()
		});
		expect(refused.status).toBe(503);
		expect(refused.headers.get('retry-after')).toBe(String(LIMITS.uploadRetryAfterS));
		const body = (await refused.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('servidor_ocupado');
		expect(body.error.message).toMatch(/muchos archivos a la vez/);

		// A small body (an official's action, a sign-in) is never held back.
		const small = await fetch(`${server.url}/api/seguimiento`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ items: [] })
		});
		expect(small.status).toBe(400);
		await small.arrayBuffer();

		// A form posted without JavaScript gets a page in Spanish that says what to do.
		const form = new FormData();
		form.append('id', crypto.randomUUID());
		form.append('campo_descripcion', 'x'.repeat(LIMITS.uploadTrackedFrom * 2));
		const page = await fetch(`${server.url}/formularios/peticion-general`, {
			method: 'POST',
			headers: { accept: 'text/html', origin: server.url },
			body: form
		});
		expect(page.status).toBe(503);
		expect(page.headers.get('content-type')).toMatch(/text\/html/);
		const html = await page.text();
		expect(html).toMatch(/<html lang="es"/);
		expect(html).toMatch(/Vuelva atrás/);
		expect(html).toContain('href="/formularios/peticion-general"');

		for (const h of held) h.req.end('1}');
		expect(await Promise.all(held.map((h) => h.done))).toEqual(held.map(() => 400));

		const after = await fetch(`${server.url}/api/solicitudes`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: largeJson()
		});
		expect(after.status).toBe(400);
		expect(((await after.json()) as { error: { code: string } }).error.code).toBe(
			'solicitud_invalida'
		);
	}, 60_000);
});
