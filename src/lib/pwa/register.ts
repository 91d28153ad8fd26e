/**
 * Registers the service worker with workbox-window. A failure (blocked service workers,
 * private mode) must never break the page: the portal still works online without it.
 */
export async function registerServiceWorker(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	try {
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox('/service-worker.js', { scope: '/', type: 'module' });
		const first = !navigator.serviceWorker.controller;
		await wb.register();
		// On the very first visit this page loaded before the worker existed, so it is not in the
		// page cache; fetch it once through the worker so it opens offline (and fast) next time.
		if (first) {
			wb.addEventListener('controlling', () => {
				wb.messageSW({ type: 'CACHE_PAGE', url: location.href }).catch(() => {});
			});
		}
	} catch (e) {
		console.warn('Service worker no registrado', e);
	}
}
