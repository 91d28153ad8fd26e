/**
 * The network and CPU profiles of PRODUCT.md's performance budgets, and how they are applied to
 * a Chromium page through the DevTools protocol.
 *
 * Limits of CDP emulation, stated once here because every browser row depends on them:
 * - `Network.emulateNetworkConditions` is applied to the page's own target. Requests made by the
 *   service worker (its precache at install) run in another target and are NOT throttled, so on
 *   a first visit they do not compete with the page for the emulated link as they would on a
 *   real phone. The page's document, CSS, JS, images and its own fetches (the offline pull runs
 *   in the page, not in the service worker) are throttled.
 * - Chromium emulates latency per request (each response is held back by the RTT), not per
 *   TCP/TLS handshake; there is no TLS on loopback.
 * - `Emulation.setCPUThrottlingRate` slows the page's main thread (and its workers) relative to
 *   this machine, which is itself a small 2-core VM: 4× here is probably slower than the
 *   mid-range phone Lighthouse calibrates 4× for.
 */

/**
 * @typedef {object} Profile
 * @property {string} name
 * @property {number} downloadKbps
 * @property {number} uploadKbps
 * @property {number} rttMs
 * @property {number} cpuSlowdown
 */

/** @type {Profile} "3G": Chrome DevTools' old "Slow 3G" preset. */
export const THREE_G = {
	name: '3G',
	downloadKbps: 400,
	uploadKbps: 400,
	rttMs: 400,
	cpuSlowdown: 1
};

/** @type {Profile} "Slow 4G": Lighthouse's mobile preset, with its 4× CPU slowdown. */
export const SLOW_4G = {
	name: 'Slow 4G',
	downloadKbps: 1600,
	uploadKbps: 750,
	rttMs: 150,
	cpuSlowdown: 4
};

/** @type {Profile} No emulation: loopback at full speed, this machine's CPU. */
export const UNTHROTTLED = {
	name: 'sin límite',
	downloadKbps: 0,
	uploadKbps: 0,
	rttMs: 0,
	cpuSlowdown: 1
};

/**
 * Kilobits per second (1 kbps = 1,000 bit/s, as DevTools counts) to bytes per second.
 * @param {number} kbps
 * @returns {number}
 */
export function bytesPerSecond(kbps) {
	return (kbps * 1000) / 8;
}

/**
 * Applies `profile` to the page behind `cdp` (a Playwright CDPSession of that page).
 * @param {import('playwright-core').CDPSession} cdp
 * @param {Profile} profile
 * @returns {Promise<void>}
 */
export async function applyProfile(cdp, profile) {
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: profile.rttMs,
		downloadThroughput: profile.downloadKbps ? bytesPerSecond(profile.downloadKbps) : -1,
		uploadThroughput: profile.uploadKbps ? bytesPerSecond(profile.uploadKbps) : -1
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
}
