/**
 * A first install of the service worker that fails (a file cut off or stalled on a bad link:
 * see `precache-install`) leaves the device without its offline copy, and the browser tries
 * again only when a page is loaded anew — which a citizen moving around inside the portal never
 * does. So the page asks again: after pauses that grow, and at once when the connection comes
 * back. Once a worker is active the browser's own update checks take over.
 */
import { SW_INSTALL_RETRY_MS } from '$lib/policy';

export interface InstallRetryEnv {
	/** Registers the worker again (same script and scope). */
	register(): Promise<ServiceWorkerRegistration>;
	/** Where `online` is announced (the window). */
	connection: EventTarget;
	delays?: readonly number[];
}

export function retryFailedInstall(first: ServiceWorkerRegistration, env: InstallRetryEnv): void {
	const delays = env.delays ?? SW_INSTALL_RETRY_MS;
	let attempt = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const again = () => {
		clearTimeout(timer);
		env.connection.removeEventListener('online', again);
		env.register().then(watch, schedule);
	};
	const schedule = () => {
		timer = setTimeout(again, delays[Math.min(attempt++, delays.length - 1)]);
		env.connection.addEventListener('online', again);
	};
	function watch(registration: ServiceWorkerRegistration) {
		if (registration.active) return;
		const worker = registration.installing ?? registration.waiting;
		if (!worker || worker.state === 'redundant') return schedule();
		worker.addEventListener('statechange', () => {
			if (worker.state === 'redundant' && !registration.active) schedule();
		});
	}
	watch(first);
}
