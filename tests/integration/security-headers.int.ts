/**
 * The headers every answer carries: a Content Security Policy with a fresh nonce on each
 * server-rendered page (none on JSON), no framing, no sniffing, a referrer policy, a
 * permissions policy, and HSTS when the portal is served over HTTPS (here a server of its own
 * whose public origin is `https://…`, as behind a TLS proxy).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';

const base = inject('baseUrl');
let https: RunningServer;
beforeAll(async () => {
	https = await startServer({ env: { ORIGIN: 'https://ventanilla.example' } });
}, 60_000);
afterAll(() => https?.stop());

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

describe('security headers', () => {
	it('gives each page a strict CSP whose nonce is on its scripts, and the other headers', async () => {
		const [a, b] = await Promise.all(
			['/seguimiento', '/gestion/ingresar'].map((p) => fetch(`${base}${p}`))
		);
		for (const res of [a!, b!]) {
			const csp = res.headers.get('content-security-policy');
			expect(csp).toMatch(/default-src 'self'/);
			expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
			expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
			expect(csp).toMatch(/frame-ancestors 'none'/);
			expect(csp).toMatch(/img-src 'self' data: blob:/);
			expect(res.headers.get('x-frame-options')).toBe('DENY');
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(res.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
			// Plain HTTP: no HSTS (it would lock a local install out of itself).
			expect(res.headers.get('strict-transport-security')).toBeNull();
			const html = await res.text();
			const nonce = nonceOf(csp)!;
			expect(html).toContain(`nonce="${nonce}"`);
			// Every inline script carries it.
			for (const tag of html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []) {
				if (/type="application\/(ld\+)?json"/.test(tag)) continue;
				expect(tag).toContain(`nonce="${nonce}"`);
			}
		}
		expect(nonceOf(a!.headers.get('content-security-policy'))).not.toBe(
			nonceOf(b!.headers.get('content-security-policy'))
		);
	});

	it('asks browsers to stay on HTTPS when the portal is served over HTTPS', async () => {
		const res = await fetch(`${https.url}/seguimiento`);
		await res.arrayBuffer();
		expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
		const api = await fetch(`${https.url}/api/salud`);
		await api.arrayBuffer();
		expect(api.headers.get('strict-transport-security')).toBe('max-age=31536000');
	});
});
