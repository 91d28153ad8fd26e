/**
 * How build and static files are sent: hashed build files compressed, cached for a year as
 * immutable and without validators (nothing ever revalidates them); other static files keep
 * theirs, since their content can change under the same name.
 */
import { describe, expect, inject, it } from 'vitest';
import { precacheBundleSchema } from '../../src/lib/schemas/precache-bundle';

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

	it('sends the precache bundle compressed and immutable, each file in it as served alone', async () => {
		const worker = await (await fetch(`${base}/service-worker.js`)).text();
		const path = /_app\/immutable\/precache\.\w+\.json/.exec(worker)?.[0];
		expect(path, 'the service worker names its bundle').toBeDefined();
		const res = await fetch(`${base}/${path}`, { headers: { 'accept-encoding': 'br' } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-encoding')).toBe('br');
		expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
		const files = precacheBundleSchema.parse(await res.json());
		const home = (await someBuildScript()).slice(1);
		expect(Object.keys(files)).toContain(home);
		expect(Object.keys(files).length).toBeGreaterThan(100);
		// None of the back office's schemas (scripts/schema-side-effects.js): here, a proposed
		// trámite's review states.
		expect(Object.values(files).join('\n')).not.toContain('en-revision');
		for (const file of [
			home,
			...Object.keys(files)
				.filter((f) => f.endsWith('.css'))
				.slice(0, 1)
		]) {
			expect(files[file], file).toBe(await (await fetch(`${base}/${file}`)).text());
		}
	});

	it('sends the code cached after the install as a bundle the same way, none of it twice', async () => {
		const worker = await (await fetch(`${base}/service-worker.js`)).text();
		const bundle = async (name: string) => {
			const path = new RegExp(`_app/immutable/${name}\\.\\w+\\.json`).exec(worker)?.[0];
			expect(path, `the service worker names ${name}`).toBeDefined();
			const res = await fetch(`${base}/${path}`, { headers: { 'accept-encoding': 'br' } });
			expect(res.status).toBe(200);
			expect(res.headers.get('content-encoding')).toBe('br');
			expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
			return precacheBundleSchema.parse(await res.json());
		};
		const later = await bundle('precache-despues');
		const atInstall = await bundle('precache');
		const laterFiles = Object.keys(later);
		expect(laterFiles.filter((f) => f.includes('/nodes/')).length).toBeGreaterThan(5);
		expect(laterFiles.filter((f) => f in atInstall)).toEqual([]);
		const node = laterFiles.find((f) => f.includes('/nodes/'))!;
		expect(later[node]).toBe(await (await fetch(`${base}/${node}`)).text());
	});

	it('offers an installable icon set: a maskable 512 px PNG the server actually serves', async () => {
		const manifest = (await (await fetch(`${base}/manifest.webmanifest`)).json()) as {
			icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
		};
		const maskable = manifest.icons.find((i) => i.purpose === 'maskable');
		expect(maskable).toMatchObject({ sizes: '512x512', type: 'image/png' });
		for (const icon of manifest.icons) {
			const res = await fetch(`${base}${icon.src}`);
			const body = new Uint8Array(await res.arrayBuffer());
			expect(res.status, icon.src).toBe(200);
			expect(res.headers.get('content-type'), icon.src).toContain(icon.type.split('+')[0]);
			expect(body.length, icon.src).toBeGreaterThan(100);
		}
	});

	it('lists screenshots for the install sheet, each served at the size it declares', async () => {
		const manifest = (await (await fetch(`${base}/manifest.webmanifest`)).json()) as {
			screenshots: Array<{ src: string; sizes: string; type: string; form_factor: string }>;
		};
		expect(manifest.screenshots.map((s) => s.form_factor)).toContain('narrow');
		for (const shot of manifest.screenshots) {
			const res = await fetch(`${base}${shot.src}`);
			const png = new DataView(await res.arrayBuffer());
			expect(res.status, shot.src).toBe(200);
			// The PNG header: width and height at bytes 16 and 20 of the IHDR chunk.
			expect(`${png.getUint32(16)}x${png.getUint32(20)}`, shot.src).toBe(shot.sizes);
		}
	});

	it('keeps the validators of files that can change under the same name', async () => {
		const res = await fetch(`${base}/manifest.webmanifest`);
		await res.arrayBuffer();
		expect(res.status).toBe(200);
		expect(res.headers.get('etag') ?? res.headers.get('last-modified')).toBeTruthy();
	});
});
