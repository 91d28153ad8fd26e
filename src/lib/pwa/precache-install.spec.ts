import { describe, expect, it } from 'vitest';
import { installPrecache, type PrecacheIo } from './precache-install';

const ORIGIN = 'https://ventanilla.test';

function fakeIo(
	status: (url: string) => number = () => 200,
	cached: string[] = [],
	body: (url: string) => BodyInit = (url) => url
) {
	const stored = new Map<string, Response>(cached.map((k) => [k, new Response('old')]));
	const requests: Request[] = [];
	let inFlight = 0;
	let peak = 0;
	const io: PrecacheIo = {
		async fetch(request) {
			requests.push(request);
			inFlight += 1;
			peak = Math.max(peak, inFlight);
			await new Promise((r) => setTimeout(r, 2));
			inFlight -= 1;
			return new Response(body(request.url), { status: status(request.url) });
		},
		async open() {
			return {
				match: async (key: RequestInfo | URL) => stored.get(String(key)),
				put: async (key: RequestInfo | URL, response: Response) => {
					stored.set(String(key), response);
				}
			};
		}
	};
	return { io, stored, requests, peak: () => peak };
}

const entries = (n: number): [string, string][] =>
	Array.from({ length: n }, (_, i) => {
		const url = `${ORIGIN}/_app/immutable/chunks/${i}.js`;
		return [url, url];
	});

describe('installPrecache', () => {
	it('stores every file under its key, a few at a time', async () => {
		const fake = fakeIo();
		const result = await installPrecache({ cacheName: 'p', entries: entries(20) }, fake.io, 6);
		expect(result).toEqual({ fetched: 20, kept: 0, fromBundle: 0 });
		expect(fake.stored.size).toBe(20);
		expect(fake.peak()).toBe(6);
	});

	it('goes past the HTTP cache only for files whose key carries a revision', async () => {
		const fake = fakeIo();
		const manifest = `${ORIGIN}/manifest.webmanifest`;
		await installPrecache(
			{
				cacheName: 'p',
				entries: [...entries(1), [manifest, `${manifest}?__WB_REVISION__=v2`]]
			},
			fake.io
		);
		const modes = Object.fromEntries(fake.requests.map((r) => [r.url, r.cache]));
		expect(modes).toEqual({ [entries(1)[0]![0]]: 'default', [manifest]: 'reload' });
		expect(fake.stored.has(`${manifest}?__WB_REVISION__=v2`)).toBe(true);
	});

	it('downloads only what an update changed', async () => {
		const list = entries(5);
		const fake = fakeIo(() => 200, [list[0]![1], list[3]![1]]);
		const result = await installPrecache({ cacheName: 'p', entries: list }, fake.io);
		expect(result).toEqual({ fetched: 3, kept: 2, fromBundle: 0 });
		expect(fake.requests.map((r) => r.url)).toEqual([list[1]![0], list[2]![0], list[4]![0]]);
	});

	it('fails the install on a missing file and stops fetching the rest', async () => {
		const list = entries(40);
		const fake = fakeIo((url) => (url === list[2]![0] ? 404 : 200));
		await expect(installPrecache({ cacheName: 'p', entries: list }, fake.io, 2)).rejects.toThrow(
			/chunks\/2\.js answered 404/
		);
		expect(fake.requests.length).toBeLessThan(10);
	});

	it('fails the install when a file stalls, instead of hanging it', async () => {
		const stalled: PrecacheIo = {
			// A connection that never answers: only the request's own deadline ends it.
			fetch: (request) =>
				new Promise((_, reject) =>
					request.signal.addEventListener('abort', () => reject(request.signal.reason))
				),
			open: fakeIo().io.open
		};
		await expect(
			installPrecache({ cacheName: 'p', entries: entries(3) }, stalled, 2, 50)
		).rejects.toThrow(/timeout|abort/i);
	});

	describe('with a bundle of the build files', () => {
		const BUNDLE = `${ORIGIN}/_app/immutable/precache.abc.json`;
		const code = entries(10);
		const shell = `${ORIGIN}/app-shell`;
		const list = [...code, [shell, `${shell}?__WB_REVISION__=v1`]] as [string, string][];
		const bundle = { url: BUNDLE, files: new Set(code.map(([url]) => url)) };
		const bundleText = JSON.stringify(
			Object.fromEntries(code.map(([url]) => [new URL(url).pathname.slice(1), `// ${url}`]))
		);
		const served = (url: string) => (url === BUNDLE ? bundleText : url);

		it('unpacks its files from one download and fetches the others one by one', async () => {
			const fake = fakeIo(() => 200, [], served);
			const result = await installPrecache({ cacheName: 'p', entries: list, bundle }, fake.io);
			expect(result).toEqual({ fetched: 1, kept: 0, fromBundle: 10 });
			expect(fake.requests.map((r) => r.url)).toEqual([BUNDLE, shell]);
			const first = fake.stored.get(code[0]![1])!;
			expect(await first.text()).toBe(`// ${code[0]![0]}`);
			expect(first.headers.get('content-type')).toBe('text/javascript');
		});

		it('serves a stylesheet from it as CSS', async () => {
			const css = `${ORIGIN}/_app/immutable/assets/0.css`;
			const fake = fakeIo(
				() => 200,
				[],
				(url) => (url === BUNDLE ? JSON.stringify({ '_app/immutable/assets/0.css': 'a{}' }) : url)
			);
			await installPrecache(
				{ cacheName: 'p', entries: [[css, css]], bundle: { url: BUNDLE, files: new Set([css]) } },
				fake.io
			);
			expect(fake.stored.get(css)!.headers.get('content-type')).toBe('text/css');
		});

		it('is not downloaded again for an update that changed few of its files', async () => {
			const fake = fakeIo(
				() => 200,
				code.slice(2).map(([, key]) => key),
				served
			);
			const result = await installPrecache({ cacheName: 'p', entries: list, bundle }, fake.io);
			expect(result).toEqual({ fetched: 3, kept: 8, fromBundle: 0 });
			expect(fake.requests.map((r) => r.url)).not.toContain(BUNDLE);
		});

		it.each([
			['refused', () => 503, served],
			['not what the build wrote', () => 200, (url: string) => (url === BUNDLE ? '{"x":1}' : url)],
			['cut short', () => 200, (url: string) => (url === BUNDLE ? bundleText.slice(0, 50) : url)]
		])('that is %s leaves every file to be fetched one by one', async (_, status, body) => {
			const fake = fakeIo((url) => (url === BUNDLE ? status() : 200), [], body);
			const result = await installPrecache({ cacheName: 'p', entries: list, bundle }, fake.io);
			expect(result).toEqual({ fetched: 11, kept: 0, fromBundle: 0 });
			expect(fake.stored.size).toBe(11);
		});

		it('still fetches a file the bundle lacks', async () => {
			const partial = JSON.stringify({ '_app/immutable/chunks/0.js': 'x' });
			const fake = fakeIo(
				() => 200,
				[],
				(url) => (url === BUNDLE ? partial : url)
			);
			const result = await installPrecache({ cacheName: 'p', entries: list, bundle }, fake.io);
			expect(result).toEqual({ fetched: 10, kept: 0, fromBundle: 1 });
		});
	});
});
