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
	// Before the signal returns: pages that already believe they are online (see below) will
	// get no "online" event from the browser.
	const unaware =
		!offline && current
			? (
					await Promise.all(
						context
							.pages()
							.map(async (page) =>
								(await page.evaluate(() => navigator.onLine).catch(() => false)) ? [page] : []
							)
					)
				).flat()
			: [];
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
		// A document that started between a navigation and the DevTools message above believed it
		// was online all along and so gets no "online" event when the signal returns (measured:
		// a pending request then waited out its retry). A phone whose signal returns tells all its
		// pages; so does this, once: only those pages, since the others got the browser's event.
		await Promise.all(
			unaware.map((page) => page.evaluate(() => dispatchEvent(new Event('online'))).catch(() => {}))
		);
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
