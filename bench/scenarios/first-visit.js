/**
 * Row 2: LCP and CLS of the home page's first visit (cold cache, nothing blocked: the service
 * worker installs and the offline pull starts as for a real first visit).
 *
 * Profiles (lib/profiles.js, applied through CDP before navigating): "3G" (the budget row) and
 * "Slow 4G" with 4× CPU slowdown (informational). LCP: the last `largest-contentful-paint`
 * entry once no new one came for 1 s after the load event (lib/vitals.js). CLS: the largest
 * session window of layout shifts, observed until the offline pack is saved (the status line
 * under the header changes then) or 20 s after load, and reported as the worst run of both
 * profiles. The median of the runs is reported for LCP.
 */
import { freshPage } from '../lib/browser.js';
import { applyProfile, SLOW_4G, THREE_G } from '../lib/profiles.js';
import { checked, info } from '../lib/report.js';
import { checkAborted } from '../lib/scenario.js';
import { duration, max, median } from '../lib/stats.js';
import { installVitals, readVitals, settledVitals } from '../lib/vitals.js';

const ROWS = /** @type {const} */ ([
	{ id: 'home.lcp.3g', what: 'home, first visit: LCP on 3G', budget: '≤ 2.5 s' },
	{ id: 'home.lcp.slow4g', what: 'home, first visit: LCP on Slow 4G + 4× CPU' },
	{ id: 'home.cls', what: 'home, first visit: CLS (worst run, 3G and Slow 4G)', budget: '≤ 0.1' }
]);

/**
 * @param {import('../lib/scenario.js').BenchContext} ctx
 * @param {import('../lib/profiles.js').Profile} profile
 */
async function visit(ctx, profile) {
	const browser = await ctx.browser();
	const { context, page, cdp } = await freshPage(browser);
	ctx.defer(() => context.close());
	try {
		await page.addInitScript(installVitals);
		await applyProfile(cdp, profile);
		await page.goto(`${ctx.appUrl}/`, { waitUntil: 'load', timeout: 60_000 });
		const first = await settledVitals(page, { quietMs: 1000, maxMs: 15_000 });
		await page
			.waitForFunction(() => localStorage.getItem('ventanilla.paquete') !== null, null, {
				timeout: 20_000
			})
			.catch(() => {});
		const last = await readVitals(page);
		return {
			lcp: first.lcp ?? NaN,
			lcpElement: first.lcpElement,
			lcpFinal: last.lcp,
			cls: last.cls,
			shifts: last.shifts
		};
	} finally {
		await context.close();
	}
}

/** @type {import('../lib/scenario.js').Scenario} */
export const firstVisit = {
	name: 'first-visit',
	timeoutMs: 200_000,
	rows: ROWS,
	async run(ctx) {
		/** @type {Record<string, Array<Awaited<ReturnType<typeof visit>>>>} */
		const runs = { '3G': [], 'Slow 4G': [] };
		for (const profile of [THREE_G, SLOW_4G]) {
			for (let i = 0; i < ctx.runs; i++) {
				checkAborted(ctx.signal);
				ctx.log(`first-visit: ${profile.name} run ${i + 1}`);
				runs[profile.name]?.push(await visit(ctx, profile));
			}
		}
		const g3 = runs['3G'] ?? [];
		const g4 = runs['Slow 4G'] ?? [];
		const lcp3 = median(g3.map((r) => r.lcp));
		const lcp4 = median(g4.map((r) => r.lcp));
		const all = [...g3, ...g4];
		const cls = max(all.map((r) => r.cls));
		const worst = all.find((r) => r.cls === cls);
		return {
			rows: [
				checked({
					...ROWS[0],
					measured: `${duration(lcp3)} (median of ${g3.length})`,
					value: Math.round(lcp3),
					unit: 'ms',
					budget: '≤ 2.5 s',
					limit: 2500,
					note: `LCP element: ${g3[0]?.lcpElement}; runs: ${g3.map((r) => Math.round(r.lcp)).join(', ')} ms`
				}),
				info({
					...ROWS[1],
					measured: `${duration(lcp4)} (median of ${g4.length})`,
					value: Math.round(lcp4),
					unit: 'ms'
				}),
				checked({
					...ROWS[2],
					measured: `${cls.toFixed(3)} (${worst?.shifts ?? 0} shifts)`,
					value: Number(cls.toFixed(4)),
					unit: '',
					budget: '≤ 0.1',
					limit: 0.1,
					note: `per run: 3G ${g3.map((r) => r.cls.toFixed(3)).join(', ')}; Slow 4G ${g4.map((r) => r.cls.toFixed(3)).join(', ')}`
				})
			],
			details: runs
		};
	}
};
