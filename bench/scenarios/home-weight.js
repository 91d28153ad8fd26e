/**
 * Row 1: the home page's first visit with a cold cache, bytes on the wire.
 *
 * What counts: every response the page itself receives from navigation until the load event
 * and then network idle (no request for 500 ms), as `encodedDataLength` from the DevTools
 * protocol (compressed body + headers). The service worker script and the sync endpoint are
 * blocked (`Network.setBlockedURLs`) so the figure is the page alone, not the service worker's
 * install nor the offline pull that starts ~2.5 s after load; those two are reported as
 * separate rows:
 * - service-worker precache (≤ 200 KB): what the installing worker downloaded after a normal,
 *   unblocked first visit — the precache bundle (the build's code in one file) and every precached file
 *   it fetched alone — each then fetched from Node with `Accept-Encoding: br, gzip` and counted
 *   as raw socket bytes. An upper bound: the browser may reuse files the page already loaded
 *   from its HTTP cache. For comparison, the same for every precached file fetched alone (the
 *   install without the bundle), from the list in Cache Storage. Beside it, informational, the
 *   code the worker caches right after the install (`PAGES_CACHED_AFTER_INSTALL`).
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
import { laterCodeCached } from '../../tests/helpers/later-code.js';

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
	{
		id: 'sw.precache.bytes',
		what: 'service worker precache at install: bytes on the wire',
		budget: '≤ 200 KB'
	},
	{
		id: 'sw.precache.3g',
		what: 'service worker install on 3G (modelled from the precache list)'
	},
	{
		id: 'sw.later.bytes',
		what: 'code cached right after the install (news, Concejo, plan, field work…): bytes on the wire'
	}
]);

/**
 * Seconds to download the bundle (if any), then `files` on 3G, `lanes` files at a time: the
 * bundle and every round of `lanes` files wait one round trip, and all the bytes share the link.
 * CDP does not throttle the service worker's own requests (profiles.js), so the install is
 * modelled, like the offline pack on 3G.
 * @param {number | null} bundle  bytes of the bundle
 * @param {number[]} files  bytes of each file fetched alone
 * @param {number} lanes
 */
function installSeconds(bundle, files, lanes) {
	const rounds = (bundle === null ? 0 : 1) + Math.ceil(files.length / lanes);
	const bytes = files.reduce((a, b) => a + b, bundle ?? 0);
	return (rounds * THREE_G.rttMs) / 1000 + (bytes * 8) / (THREE_G.downloadKbps * 1000);
}

/** The precache bundle's path (scripts/precache-plan.js). */
const BUNDLE = /^\/_app\/immutable\/precache\.\w+\.json$/;
/** The bundle of the code cached right after the install. */
const LATER_BUNDLE = /^\/_app\/immutable\/precache-despues\.\w+\.json$/;

/** A precache key without Workbox's revision parameter: the URL the worker fetched. */
function fetchedUrl(/** @type {string} */ key) {
	const url = new URL(key);
	url.searchParams.delete('__WB_REVISION__');
	return url.href;
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
		/** @type {string[]} */
		const workerFetches = [];
		context.on('request', (r) => {
			if (r.serviceWorker()) workerFetches.push(r.url());
		});
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
		// The code the worker caches once in control: asked as a page asks, the answer waited for.
		const laterCached = await laterCodeCached(page);
		await context.close();
		const downloads = [...new Set(workerFetches)];
		const laterUrl = downloads.find((url) => LATER_BUNDLE.test(new URL(url).pathname));
		const laterBytes = laterUrl ? await wireBytes(laterUrl) : null;
		const keys = new Set(precached.map(fetchedUrl));
		const bundleUrl = downloads.find((url) => BUNDLE.test(new URL(url).pathname));
		const bundleBytes = bundleUrl ? await wireBytes(bundleUrl) : null;
		/** @type {number[]} */
		const fileBytes = [];
		for (const url of downloads.filter((u) => keys.has(u))) fileBytes.push(await wireBytes(url));
		const precacheBytes = fileBytes.reduce((a, b) => a + b, bundleBytes ?? 0);
		/** @type {number[]} */
		const unbundledBytes = [];
		for (const url of keys) unbundledBytes.push(await wireBytes(url));
		const unbundled = unbundledBytes.reduce((a, b) => a + b, 0);
		const downloadsText = `${(bundleUrl ? 1 : 0) + fileBytes.length} downloads`;

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
				checked({
					...ROWS[3],
					measured:
						`${kb(precacheBytes)} in ${downloadsText} for ${precached.length} files ` +
						`(each file alone: ${kb(unbundled)})`,
					value: Number((precacheBytes / 1024).toFixed(1)),
					unit: 'KB',
					limit: 200,
					note:
						`the bundle ${bundleBytes === null ? 'was not downloaded' : kb(bundleBytes)}; ` +
						'what the installing worker fetched, fetched again compressed from Node; an upper bound of the install download'
				}),
				info({
					...ROWS[4],
					measured:
						`${installSeconds(bundleBytes, fileBytes, PRECACHE_CONCURRENCY).toFixed(1)} s ` +
						`(each file alone, ${PRECACHE_CONCURRENCY} at a time: ${installSeconds(null, unbundledBytes, PRECACHE_CONCURRENCY).toFixed(1)} s)`,
					value: Number(installSeconds(bundleBytes, fileBytes, PRECACHE_CONCURRENCY).toFixed(1)),
					unit: 's',
					note: `${downloadsText}, ${PRECACHE_CONCURRENCY} at a time after the bundle; ${THREE_G.rttMs} ms per round trip, ${THREE_G.downloadKbps} kbps shared`
				}),
				info({
					...ROWS[5],
					measured:
						laterBytes === null
							? `not downloaded (${laterCached ? 'nothing to cache' : 'failed'})`
							: `${kb(laterBytes)} in 1 download, ${installSeconds(laterBytes, [], 1).toFixed(1)} s on 3G (modelled)`,
					value: Number(((laterBytes ?? 0) / 1024).toFixed(1)),
					unit: 'KB',
					note: 'fetched once the worker is in control, after the install; pages of PAGES_CACHED_AFTER_INSTALL'
				})
			],
			details: { runs: runs.map(({ resources: _r, ...t }) => t), resources: byPath, precached }
		};
	}
};
