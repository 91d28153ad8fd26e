/**
 * Row 4: LCP of the home page on a repeat visit with no connection.
 *
 * Each run: a fresh context makes a first visit to the home page (no throttling) and waits
 * until the service worker controls it and the offline pack is saved (the localStorage flag
 * `ventanilla.paquete` is set); that tab is closed and the context goes offline
 * (`context.setOffline(true)`). Then, like a person opening the portal again later: the service
 * worker is stopped (`ServiceWorker.stopAllWorkers`, so its start-up is part of the visit), a
 * new tab opens the home page, and its LCP is read as in the first-visit rows. Done once with
 * 4× CPU slowdown (the budget row: a cheap phone, the CPU of the "Slow 4G" profile) and once
 * without (informational). Median of the runs.
 *
 * The first visit's offline pull, as the browser made it (requests and bytes on the wire of
 * `/api/sync/…`, redirects included), is reported as an informational row.
 */
import { freshPage } from '../lib/browser.js';
import { checked, info } from '../lib/report.js';
import { checkAborted } from '../lib/scenario.js';
import { duration, kb, median } from '../lib/stats.js';
import { installVitals, settledVitals } from '../lib/vitals.js';
import { recordWireBytes } from '../lib/wire-bytes.js';

const ROWS = /** @type {const} */ ([
	{ id: 'offline.lcp', what: 'home, repeat visit offline: LCP (4× CPU)', budget: '≤ 500 ms' },
	{ id: 'offline.lcp.nocpu', what: 'home, repeat visit offline: LCP (no CPU slowdown)' },
	{ id: 'pack.browser.seed', what: 'offline pack, seed, pulled by the browser: bytes on the wire' }
]);

/**
 * @param {import('../lib/scenario.js').BenchContext} ctx
 */
async function repeatVisit(ctx) {
	const browser = await ctx.browser();
	const { context, page, cdp } = await freshPage(browser);
	ctx.defer(() => context.close());
	try {
		await context.addInitScript(installVitals);
		const rec = await recordWireBytes(cdp);
		await page.goto(`${ctx.appUrl}/`, { waitUntil: 'load', timeout: 30_000 });
		await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
			timeout: 30_000
		});
		await page.waitForFunction(() => localStorage.getItem('ventanilla.paquete') !== null, null, {
			timeout: 60_000
		});
		await page.waitForTimeout(300);
		const sync = rec.resources.filter((r) => r.url.includes('/api/sync/'));
		await page.close();
		await context.setOffline(true);

		/** @type {Record<string, { lcp: number, element: string }>} */
		const lcp = {};
		for (const rate of [4, 1]) {
			const tab = await context.newPage();
			const tabCdp = await context.newCDPSession(tab);
			await tabCdp.send('ServiceWorker.enable');
			await tabCdp.send('ServiceWorker.stopAllWorkers');
			await tabCdp.send('Emulation.setCPUThrottlingRate', { rate });
			await tab.goto(`${ctx.appUrl}/`, { waitUntil: 'load', timeout: 30_000 });
			const v = await settledVitals(tab, { quietMs: 1000, maxMs: 10_000 });
			lcp[`cpu${rate}`] = { lcp: v.lcp ?? NaN, element: v.lcpElement };
			await tab.close();
		}
		return {
			lcp,
			sync: {
				requests: sync.length,
				bytes: sync.reduce((n, r) => n + r.bytes, 0),
				redirects: sync.filter((r) => r.status >= 300 && r.status < 400).length
			}
		};
	} finally {
		await context.close();
	}
}

/** @type {import('../lib/scenario.js').Scenario} */
export const offlineRepeat = {
	name: 'offline-repeat',
	timeoutMs: 150_000,
	rows: ROWS,
	async run(ctx) {
		/** @type {Array<Awaited<ReturnType<typeof repeatVisit>>>} */
		const runs = [];
		for (let i = 0; i < ctx.runs; i++) {
			checkAborted(ctx.signal);
			ctx.log(`offline-repeat: run ${i + 1}`);
			runs.push(await repeatVisit(ctx));
		}
		const slow = median(runs.map((r) => r.lcp.cpu4?.lcp ?? NaN));
		const fast = median(runs.map((r) => r.lcp.cpu1?.lcp ?? NaN));
		const sync = runs[0]?.sync;
		return {
			rows: [
				checked({
					...ROWS[0],
					measured: `${duration(slow)} (median of ${runs.length})`,
					value: Math.round(slow),
					unit: 'ms',
					budget: '≤ 500 ms',
					limit: 500,
					note: `LCP element: ${runs[0]?.lcp.cpu4?.element}; runs: ${runs.map((r) => Math.round(r.lcp.cpu4?.lcp ?? NaN)).join(', ')} ms`
				}),
				info({
					...ROWS[1],
					measured: `${duration(fast)} (median of ${runs.length})`,
					value: Math.round(fast),
					unit: 'ms',
					budget: '(≤ 500 ms)'
				}),
				info({
					...ROWS[2],
					measured: sync
						? `${kb(sync.bytes)} in ${sync.requests} requests (${sync.redirects} redirects)`
						: 'n/a',
					value: sync ? Number((sync.bytes / 1024).toFixed(1)) : null,
					unit: 'KB'
				})
			],
			details: runs
		};
	}
};
