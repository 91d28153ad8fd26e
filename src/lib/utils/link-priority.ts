/**
 * Who goes first on a thin link when the connection comes back: what a person is waiting for
 * (requests queued on the device, answers, an official's actions) before background pulls of
 * content. On 3G a pull beside a filing shares the bandwidth and the round trips, and delays
 * the radicado the citizen is looking at (#16: reconnect → radicado ≤ 5 s).
 *
 * The queues announce their work with a window event (`SYNC.urgentEvent`) instead of importing
 * this module: they load only on devices that use them, and a module shared with the first
 * page would cost every first visit a request of its own.
 */
import { SYNC } from '$lib/policy';

let urgent: Promise<unknown> = Promise.resolve();

/** Starts collecting announced work (on the window); returns a function that stops. */
export function listenForUrgentWork(target: EventTarget = window): () => void {
	const onWork = (e: Event) => {
		urgent = Promise.allSettled([urgent, (e as CustomEvent<Promise<unknown>>).detail]);
	};
	target.addEventListener(SYNC.urgentEvent, onWork);
	return () => target.removeEventListener(SYNC.urgentEvent, onWork);
}

/**
 * Resolves once the urgent work announced so far has ended (however it ended). Called from an
 * event listener, it first lets the other listeners of the same event announce theirs.
 */
export async function afterUrgentWork(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 0));
	await urgent;
}
