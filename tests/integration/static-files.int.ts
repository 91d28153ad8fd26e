/**
 * How build and static files are sent: hashed build files compressed, cached for a year as
 * immutable and without validators (nothing ever revalidates them); other static files keep
 * theirs, since their content can change under the same name.
 */
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

/** A script the home page loads, read from its HTML. */
async function someBuildScript(): Promise<string> {
	const html = await (await fetch(`${base}/`)).text();
	const path = /\/_app\/immutable\/[\w/.-]+\.js/.exec(html)?.[0];
	expect(path).toBeDefined();
	return path as string;
}

describe('static files', () => {
	it('sends hashed build files compressed, immutable and without validators', async () => {
		const res = await fetch(`${base}${await someBuildScript()}`, {
			headers: { 'accept-encoding': 'br' }
		});
		await res.arrayBuffer();
		expect(res.status).toBe(200);
		expect(res.headers.get('content-encoding')).toBe('br');
		expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
		expect(res.headers.get('etag')).toBeNull();
		expect(res.headers.get('last-modified')).toBeNull();
	});

	it('keeps the validators of files that can change under the same name', async () => {
		const res = await fetch(`${base}/manifest.webmanifest`);
		await res.arrayBuffer();
		expect(res.status).toBe(200);
		expect(res.headers.get('etag') ?? res.headers.get('last-modified')).toBeTruthy();
	});
});
