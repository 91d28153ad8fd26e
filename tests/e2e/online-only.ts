/**
 * Devices for tests that never go offline: no service worker (it would precache the whole app)
 * and the phone's Save-Data preference on, so the app does not pull the offline copy of the
 * portal by itself (`src/lib/sync/pack-schedule.ts`). Both are what a phone on a metered plan
 * may do; here they keep the e2e run's two cores for what each test checks. The offline journeys
 * (offline, pqrsd, kiosk, install…) use ordinary devices.
 */
import {
	test as base,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions
} from '@playwright/test';

/** Runs in every page before its scripts: `navigator.connection.saveData` answers true. */
function preferSavingData() {
	const info = (navigator as Navigator & { connection?: object }).connection;
	if (info) Object.defineProperty(Object.getPrototypeOf(info), 'saveData', { get: () => true });
}

async function makeOnlineOnly(context: BrowserContext): Promise<BrowserContext> {
	await context.addInitScript(preferSavingData);
	return context;
}

/** A new online-only device (its own cookies and storage). */
export async function onlineOnlyContext(
	browser: Browser,
	options: BrowserContextOptions = {}
): Promise<BrowserContext> {
	return makeOnlineOnly(await browser.newContext({ ...options, serviceWorkers: 'block' }));
}

/** `test` whose `page` and `context` are an online-only device. */
export const test = base.extend({
	serviceWorkers: 'block',
	context: async ({ context }, use) => use(await makeOnlineOnly(context))
});

export { expect } from '@playwright/test';
