/**
 * Whether this device has ever queued a request. Read synchronously at start so a device that
 * never filed anything does not download the outbox code (and Dexie) on every first visit.
 */
export const LOCAL_REQUESTS_KEY = 'ventanilla.solicitudes';
const KEY = LOCAL_REQUESTS_KEY;

export function hasLocalRequests(): boolean {
	try {
		return globalThis.localStorage?.getItem(KEY) === '1';
	} catch {
		return false;
	}
}

export function markLocalRequests(): void {
	try {
		globalThis.localStorage?.setItem(KEY, '1');
	} catch {
		// storage blocked: the outbox still starts when a form is used or the link returns
	}
}
