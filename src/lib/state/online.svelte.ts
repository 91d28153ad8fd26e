import { createSubscriber } from 'svelte/reactivity';

/** `navigator.onLine` as reactive state; always "online" during server rendering. */
class Online {
	#subscribe = createSubscriber((update) => {
		addEventListener('online', update);
		addEventListener('offline', update);
		return () => {
			removeEventListener('online', update);
			removeEventListener('offline', update);
		};
	});

	get current(): boolean {
		if (typeof navigator === 'undefined') return true;
		this.#subscribe();
		return navigator.onLine;
	}
}

export const online = new Online();
