/**
 * Whether this device has ever answered a consulta. Read synchronously at start (like
 * `$lib/outbox/device-flag`) so devices that never answered do not load the queue's code.
 */
export const LOCAL_ANSWERS_KEY = 'ventanilla.respuestas';
const FLAG = LOCAL_ANSWERS_KEY;

export function hasLocalAnswers(): boolean {
	try {
		return globalThis.localStorage?.getItem(FLAG) === '1';
	} catch {
		return false;
	}
}

export function markLocalAnswers(): void {
	try {
		globalThis.localStorage?.setItem(FLAG, '1');
	} catch {
		// storage blocked: the consulta page itself starts the queue
	}
}
