/**
 * Asks the service worker for the code it caches right after its install (a page asks too when
 * it starts: one download per worker; see src/service-worker.ts) and waits for the answer:
 * whether all of it is in. Plain JavaScript so the bench can use it.
 * @param {{ evaluate: import('playwright-core').Page['evaluate'] }} page  a page the worker controls
 * @returns {Promise<boolean>}
 */
export function laterCodeCached(page) {
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				const channel = new MessageChannel();
				channel.port1.onmessage = (e) => resolve(e.data.ok === true);
				navigator.serviceWorker.controller?.postMessage({ type: 'CACHE_LATER_CODE' }, [
					channel.port2
				]);
			})
	);
}
