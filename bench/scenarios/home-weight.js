/**
 * Row 1: the home page's first visit with a cold cache, bytes on the wire.
 *
 * What counts: every response the page itself receives from navigation until the load event
 * and then network idle (no request for 500 ms), as `encodedDataLength` from the DevTools
 * protocol (compressed body + headers). The service worker script and the sync endpoint are
 * blocked (`Network.setBlockedURLs`) so the figure is the page alone, not the service worker's
 * install nor the offline pull that starts ~2.5 s after load; those two are reported as
 * separate, informational rows:
 * - service-worker precache: the list of URLs the installed worker precached (read from Cache
 *   Storage after a normal, unblocked first visit), each then fetched from Node with
 *   `Accept-Encoding: br, gzip` and counted as raw socket bytes. An upper bound of what the
 *   install downloads: the browser may reuse files the page already loaded from its HTTP cache.
 * - the offline pack's bytes are in the offline-pack and offline-repeat rows.
 * No network throttling here: bytes do not depend on it. The median run is reported (the runs
 * should be identical).
 */
import http from 'node:http';
import { freshPage } from '../lib/browser.js';
import { checked, info } from '../lib/report.js';
import { checkAborted } from '../lib/scenario.js';
import { kb, median } from '../lib/stats.js';
import { THREE_G } from '../lib/profiles.js';
import { PRECACHE_CONCURRENCY } from '../../src/lib/policy.js';
import { recordWireBytes, totals } from '../lib/wire-bytes.js';

const ROWS = /** @type {const} */ ([
	{
		id: 'home.bytes.total',
		what: 'home, first visit, cold cache: bytes on the wire, total',
		budget: '≤ 100 KB'
	},
	{
		id: 'home.bytes.js',
		what: 'home, first visit, cold cache: bytes on the wire, JS',
		budget: '≤ 60 KB'
	},
	{ id: 'home.bytes.split', what: 'home, first visit, cold cache: HTML / CSS / JS / other' },
	{ id: 'sw.precache.bytes', what: 'service worker precache at install: bytes on the wire' },
	{
		id: 'sw.precache.3g',
		what: 'service worker install on 3G (modelled from the precache list)'
	}
]);

/**
 * Seconds to download `files` on `profile`'s link, `lanes` files at a time: every round of
 * `lanes` files waits one round trip, and all the bytes share the link. CDP does not throttle the
 * service worker's own requests (profiles.js), so the install is modelled, like the offline pack
 * on 3G.
 * @param {number[]} files  bytes of each file
 * @param {number} lanes
 */
function installSeconds(files, lanes) {
	const rounds = Math.ceil(files.length / lanes);
	const bytes = files.reduce((a, b) => a + b, 0);
	return (rounds * THREE_G.rttMs) / 1000 + (bytes * 8) / (THREE_G.downloadKbps * 1000);
}

/**
 * Raw bytes of one compressed GET (status line, headers, body as sent).
 * @param {string} url
 * @returns {Promise<number>}
 */
function wireBytes(url) {
	return new Promise((resolve, reject) => {
		const req = http.get(
			url,
			{ agent: false, headers: { 'accept-encoding': 'br, gzip' } },
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.socket.bytesRead));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
	});
}

/** @type {import('../lib/scenario.js').Scenario} */
export const homeWeight = {
	name: 'home-weight',
	timeoutMs: 90_000,
	rows: ROWS,
	async run(ctx) {
		const browser = await ctx.browser();
		/** @type {Array<ReturnType<typeof totals> & { resources: import('../lib/wire-bytes.js').LoadedResource[] }>} */
		const runs = [];
		for (let i = 0; i < ctx.runs; i++) {
			checkAborted(ctx.signal);
			const { context, page, cdp } = await freshPage(browser);
			ctx.defer(() => context.close());
			const rec = await recordWireBytes(cdp);
			await cdp.send('Network.setBlockedURLs', {
				urls: ['*/service-worker.js*', '*/api/sync/*']
			});
			await page.goto(`${ctx.appUrl}/`, { waitUntil: 'load', timeout: 30_000 });
			await page.waitForLoadState('networkidle', { timeout: 30_000 });
			const resources = rec.resources.filter((r) => !r.url.includes('/api/sync/'));
			runs.push({ ...totals(resources), resources });
			await context.close();
		}
		const mid = median(runs.map((r) => r.total));
		const run = runs.find((r) => r.total === mid) ?? /** @type {(typeof runs)[number]} */ (runs[0]);

		// The service worker's precache, after a normal first visit.
		checkAborted(ctx.signal);
		const { context, page } = await freshPage(browser);
		ctx.defer(() => context.close());
		await page.goto(`${ctx.appUrl}/`, { waitUntil: 'load', timeout: 30_000 });
		await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
			timeout: 30_000
		});
		const precached = await page.evaluate(async () => {
			/** @type {string[]} */
			const urls = [];
			for (const name of await caches.keys()) {
				if (!name.includes('precache')) continue;
				const cache = await caches.open(name);
				for (const req of await cache.keys()) urls.push(req.url);
			}
			return urls;
		});
		await context.close();
		/** @type {number[]} */
		const fileBytes = [];
		for (const url of precached) fileBytes.push(await wireBytes(url));
		const precacheBytes = fileBytes.reduce((a, b) => a + b, 0);

		const byPath = run.resources
			.map((r) => ({
				path: new URL(r.url).pathname,
				kind: r.kind,
				bytes: r.bytes,
				status: r.status
			}))
			.sort((a, b) => b.bytes - a.bytes);
		return {
			rows: [
				checked({
					...ROWS[0],
					measured: `${kb(run.total)} (${run.requests} requests)`,
					value: Number((run.total / 1024).toFixed(1)),
					unit: 'KB',
					budget: '≤ 100 KB',
					limit: 100
				}),
				checked({
					...ROWS[1],
					measured: kb(run.js),
					value: Number((run.js / 1024).toFixed(1)),
					unit: 'KB',
					budget: '≤ 60 KB',
					limit: 60,
					note:
						`${run.resources.filter((r) => r.kind === 'js').length} JS files; largest: ` +
						byPath
							.filter((r) => r.kind === 'js')
							.slice(0, 3)
							.map((r) => `${r.path.split('/').pop()} ${kb(r.bytes)}`)
							.join(', ')
				}),
				info({
					...ROWS[2],
					measured: `HTML ${kb(run.html)} · CSS ${kb(run.css)} · JS ${kb(run.js)} · other ${kb(run.other)}`,
					value: Number((run.total / 1024).toFixed(1)),
					unit: 'KB'
				}),
				info({
					...ROWS[3],
					measured: `${kb(precacheBytes)} in ${precached.length} files`,
					value: Number((precacheBytes / 1024).toFixed(1)),
					unit: 'KB',
					note: 'whole precache list fetched compressed from Node; an upper bound of the install download'
				}),
				info({
					...ROWS[4],
					measured:
						`${installSeconds(fileBytes, PRECACHE_CONCURRENCY).toFixed(1)} s, ${PRECACHE_CONCURRENCY} files at a time ` +
						`(one at a time, as Workbox installs: ${installSeconds(fileBytes, 1).toFixed(1)} s)`,
					value: Number(installSeconds(fileBytes, PRECACHE_CONCURRENCY).toFixed(1)),
					unit: 's',
					note: `${fileBytes.length} files; ${THREE_G.rttMs} ms per round trip, ${THREE_G.downloadKbps} kbps shared`
				})
			],
			details: { runs: runs.map(({ resources: _r, ...t }) => t), resources: byPath, precached }
		};
	}
};
