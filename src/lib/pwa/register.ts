/**
 * Registers the service worker with workbox-window. A failure (blocked service workers,
 * private mode) must never break the page: the portal still works online without it.
 */
export async function registerServiceWorker(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	try {
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox('/service-worker.js', { scope: '/', type: 'module' });
		await wb.register();
	} catch (e) {
		console.warn('Service worker no registrado', e);
	}
}
