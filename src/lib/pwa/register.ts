import { updated } from '$app/state';
import { retryFailedInstall } from './install-retry';

const SCRIPT = '/service-worker.js';

/**
 * Registers the service worker with workbox-window. A failure (blocked service workers,
 * private mode) must never break the page: the portal still works online without it.
 * `onUpdate` runs when a new version's worker takes over this page (after a deployment) and
 * the server runs a newer version than the page.
 */
export async function registerServiceWorker(onUpdate?: () => void): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	try {
		const { Workbox } = await import('workbox-window');
		const options: RegistrationOptions = { scope: '/', type: 'module' };
		const wb = new Workbox(SCRIPT, options);
		const first = !navigator.serviceWorker.controller;
		let controlled = !first;
		wb.addEventListener('controlling', () => {
			// The first worker to control this page is no news. A later one came with a
			// deployment, which matters only if the server now runs another version than the one
			// this page was built with (SvelteKit compares them through /_app/version.json).
			if (controlled) {
				void updated
					.check()
					.then((newer) => newer && onUpdate?.())
					.catch(() => {});
			}
			controlled = true;
		});
		const registration = await wb.register();
		// The code cached after the install (see the worker): asked at every start, so a download
		// cut by a lost signal goes on at the next page.
		const askForLaterCode = () =>
			navigator.serviceWorker.controller?.postMessage({ type: 'CACHE_LATER_CODE' });
		if (!first) askForLaterCode();
		if (!first || !registration) return;
		// A worker that activated while this page was still loading claims the open pages, and
		// may miss the one whose navigation was in flight: that page would stay without offline
		// support until the next load (seen on a kiosk activated mid-install). It asks again.
		registration.active?.postMessage({ type: 'CLAIM' });
		// On the very first visit this page loaded before the worker existed, so it is not in the
		// page cache; fetch it once through the worker so it opens offline (and fast) next time.
		// (To the controller, not `wb`'s worker: after a failed install it is another one.)
		wb.addEventListener('controlling', () => {
			navigator.serviceWorker.controller?.postMessage({ type: 'CACHE_PAGE', url: location.href });
			askForLaterCode();
		});
		retryFailedInstall(registration, {
			register: () => navigator.serviceWorker.register(SCRIPT, options),
			connection: window
		});
	} catch (e) {
		console.warn('Service worker no registrado', e);
	}
}
