/**
 * Debian's Chromium driven by playwright-core, with the flags every bench run uses, and fresh
 * contexts (cold cache, no service worker, empty storage) per measurement.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH as EXECUTABLE } from '../../tests/helpers/chromium.js';

const ARGS = ['--headless', ...CHROMIUM_ARGS];

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchBrowser() {
	return chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
}

/**
 * A new, empty browser context (its own cache, storage and service workers) with one page and a
 * CDP session attached to that page. A phone-sized viewport so the largest contentful paint is
 * the one a phone would see.
 * @param {import('playwright-core').Browser} browser
 * @param {{ bypassCSP?: boolean }} [opts] `bypassCSP` for scenarios that inject a script of
 *   their own: the app's Content Security Policy rightly refuses inline scripts.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, cdp: import('playwright-core').CDPSession }>}
 */
export async function freshPage(browser, opts = {}) {
	const context = await browser.newContext({
		...opts,
		// Lighthouse's mobile screen (Moto G Power).
		viewport: { width: 412, height: 823 },
		deviceScaleFactor: 1.75,
		isMobile: true,
		hasTouch: true,
		locale: 'es-CO',
		timezoneId: 'America/Bogota'
	});
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	return { context, page, cdp };
}
