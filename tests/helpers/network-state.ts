/**
 * Takes a browser context off the network and back, as a phone losing its signal.
 *
 * `context.setOffline(true)` alone no longer suffices with Debian's Chromium 150 and Playwright
 * 1.65: requests fail, but a document the service worker serves afterwards (a navigation, a
 * reload, a new tab) reads `navigator.onLine === true` and gets no "offline" event, unlike a
 * phone without signal. Each page of the context is therefore told again, through its own
 * DevTools session, after every navigation while the context is offline.
 */
import type { BrowserContext, CDPSession, Frame, Page } from '@playwright/test';

const OFFLINE = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const ONLINE = { ...OFFLINE, offline: false };

interface Watch {
	pages: Map<Page, { session: CDPSession; onNavigated: (frame: Frame) => void }>;
	onPage: (page: Page) => void;
}

const watches = new WeakMap<BrowserContext, Watch>();

export async function setOffline(context: BrowserContext, offline: boolean): Promise<void> {
	const current = watches.get(context);
	// Before the signal returns, each page starts listening for the browser's "online" event.
	if (!offline && current) {
		await Promise.all(
			context.pages().map((page) =>
				page
					.evaluate(() => {
						const w = window as Window & { __ventanillaOnline?: boolean };
						w.__ventanillaOnline = false;
						addEventListener('online', () => (w.__ventanillaOnline = true), { once: true });
					})
					.catch(() => {})
			)
		);
	}
	await context.setOffline(offline);
	if (offline && !current) {
		const watch: Watch = { pages: new Map(), onPage: (page) => void follow(watch, page) };
		watches.set(context, watch);
		context.on('page', watch.onPage);
		await Promise.all(context.pages().map((page) => follow(watch, page)));
	} else if (!offline && current) {
		watches.delete(context);
		context.off('page', current.onPage);
		await Promise.all(
			[...current.pages].map(async ([page, { session, onNavigated }]) => {
				page.off('framenavigated', onNavigated);
				await session.send('Network.emulateNetworkConditions', ONLINE).catch(() => {});
				await session.detach().catch(() => {});
			})
		);
		// A document that started between a navigation and the DevTools message above may get no
		// "online" event when the signal returns (measured: a pending request then waited out its
		// retry). A phone whose signal returns tells each of its pages once; so does this: a page
		// that has not heard the browser's event within a second gets one, the others none.
		await Promise.all(context.pages().map((page) => tellOnline(page)));
	}
}

async function tellOnline(page: Page): Promise<void> {
	const heard = () =>
		page.evaluate(
			() => (window as Window & { __ventanillaOnline?: boolean }).__ventanillaOnline !== false
		);
	const deadline = Date.now() + 1000;
	try {
		while (!(await heard())) {
			if (Date.now() > deadline) {
				await page.evaluate(() => dispatchEvent(new Event('online')));
				return;
			}
			await new Promise((r) => setTimeout(r, 100));
		}
	} catch {
		// The page closed or navigated meanwhile: its next document starts online.
	}
}

async function follow(watch: Watch, page: Page): Promise<void> {
	const session = await page.context().newCDPSession(page);
	const tell = () => session.send('Network.emulateNetworkConditions', OFFLINE).catch(() => {});
	const onNavigated = (frame: Frame) => {
		if (frame === page.mainFrame()) void tell();
	};
	watch.pages.set(page, { session, onNavigated });
	page.on('framenavigated', onNavigated);
	await tell();
}
