import { describe, expect, it } from 'vitest';
import { installPrecache, type PrecacheIo } from './precache-install';

const ORIGIN = 'https://ventanilla.test';

function fakeIo(status: (url: string) => number = () => 200, cached: string[] = []) {
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
			return new Response(request.url, { status: status(request.url) });
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
		expect(result).toEqual({ fetched: 20, kept: 0 });
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
		expect(result).toEqual({ fetched: 3, kept: 2 });
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
});
