/**
 * Web-vitals collection in the page, installed with `page.addInitScript` so the observers exist
 * before the first paint of every navigation. Results are read back with `readVitals(page)`.
 *
 * - LCP: the last `largest-contentful-paint` entry (what Chrome reports when the page is
 *   hidden or the user first interacts), `renderTime || loadTime`, relative to navigation start.
 * - CLS: `layout-shift` entries without recent input, grouped in session windows (gap < 1 s,
 *   window ≤ 5 s); CLS is the largest window's sum, as web-vitals computes it.
 * - INP: Event Timing entries (`type: 'event'`, `durationThreshold: 16`, the lowest the API
 *   allows) with an `interactionId`; an interaction's latency is the longest duration among its
 *   events (pointerdown/pointerup/click, keydown/keyup…), and with fewer than 50 interactions
 *   INP is the longest interaction. Durations are rounded by the browser to 8 ms; an
 *   interaction faster than 16 ms reports no entry at all, so "no entries" means INP < 16 ms.
 */

/** Source of the init script (a function serialised by Playwright). */
export function installVitals() {
	/** @type {any} */
	const w = window;
	const state = {
		lcp: /** @type {number | null} */ (null),
		lcpElement: '',
		cls: 0,
		shifts: 0,
		/** @type {Record<string, number>} interactionId → longest event duration */
		interactions: {},
		/** @type {Array<{ name: string, duration: number, id: number }>} */
		events: [],
		/** @type {Array<{ start: number, duration: number }>} main-thread tasks ≥ 50 ms */
		longTasks: []
	};
	w.__benchVitals = state;
	let windowSum = 0;
	let windowStart = 0;
	let lastShift = 0;
	try {
		new PerformanceObserver((list) => {
			for (const e of /** @type {any[]} */ (list.getEntries())) {
				state.lcp = e.renderTime || e.loadTime || e.startTime;
				const el = e.element;
				state.lcpElement = el
					? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`
					: e.url || '';
			}
		}).observe({ type: 'largest-contentful-paint', buffered: true });
		new PerformanceObserver((list) => {
			for (const e of /** @type {any[]} */ (list.getEntries())) {
				if (e.hadRecentInput) continue;
				state.shifts++;
				if (windowSum && (e.startTime - lastShift >= 1000 || e.startTime - windowStart >= 5000)) {
					windowSum = 0;
				}
				if (!windowSum) windowStart = e.startTime;
				windowSum += e.value;
				lastShift = e.startTime;
				state.cls = Math.max(state.cls, windowSum);
			}
		}).observe({ type: 'layout-shift', buffered: true });
		new PerformanceObserver((list) => {
			for (const e of /** @type {any[]} */ (list.getEntries())) {
				state.events.push({ name: e.name, duration: e.duration, id: e.interactionId || 0 });
				if (!e.interactionId) continue;
				const key = String(e.interactionId);
				state.interactions[key] = Math.max(state.interactions[key] ?? 0, e.duration);
			}
			// durationThreshold is part of the Event Timing API; TypeScript's DOM types lack it.
		}).observe(/** @type {any} */ ({ type: 'event', buffered: true, durationThreshold: 16 }));
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				if (state.longTasks.length < 100) {
					state.longTasks.push({
						start: Math.round(e.startTime),
						duration: Math.round(e.duration)
					});
				}
			}
		}).observe({ type: 'longtask', buffered: true });
	} catch (e) {
		console.warn('bench vitals', e);
	}
}

/**
 * @typedef {object} Vitals
 * @property {number | null} lcp  ms from navigation start
 * @property {string} lcpElement
 * @property {number} cls
 * @property {number} shifts
 * @property {number} inp  longest interaction (ms); 0 when no interaction reached 16 ms
 * @property {number} interactions  interactions that reached 16 ms
 * @property {Array<{ name: string, duration: number, id: number }>} events
 * @property {Array<{ start: number, duration: number }>} longTasks  diagnostics: tasks ≥ 50 ms
 * @property {number | null} fcp  first-contentful-paint (ms)
 */

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Vitals>}
 */
export async function readVitals(page) {
	return page.evaluate(() => {
		/** @type {any} */
		const s = /** @type {any} */ (window).__benchVitals;
		/** @type {number[]} */
		const durations = Object.values(s.interactions);
		return {
			lcp: s.lcp,
			lcpElement: s.lcpElement,
			cls: s.cls,
			shifts: s.shifts,
			inp: durations.length ? Math.max(...durations) : 0,
			interactions: durations.length,
			events: s.events,
			longTasks: s.longTasks,
			fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
		};
	});
}

/**
 * Waits until the page has reported an LCP and no new candidate for `quietMs` (or `maxMs`
 * passed), after the load event.
 * @param {import('playwright-core').Page} page
 * @param {{ quietMs?: number, maxMs?: number }} [opts]
 * @returns {Promise<Vitals>}
 */
export async function settledVitals(page, { quietMs = 1000, maxMs = 15_000 } = {}) {
	const deadline = Date.now() + maxMs;
	let last = await readVitals(page);
	let since = Date.now();
	while (Date.now() < deadline) {
		await page.waitForTimeout(200);
		const now = await readVitals(page);
		if (now.lcp !== last.lcp) since = Date.now();
		last = now;
		if (last.lcp !== null && Date.now() - since >= quietMs) break;
	}
	return last;
}
