/**
 * Response helpers shared by every API route: answers that must not be cached, and store
 * failures turned into "try again later" answers that devices' queues retry.
 */
import { HashingBusyError } from '$lib/server/crypto/scrypt-hash';
import { json } from '@sveltejs/kit';
import { apiError } from './api-error';
import { CouchError } from '$lib/server/couch/client';

/** Responses carrying personal data are never cached by the browser, the SW or a proxy. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

/** JSON that must not be cached. */
export function noStoreJson(body: unknown, status = 200): Response {
	return json(body, { status, headers: NO_STORE });
}

/** `fetch failed`: the store could not be reached at all (refused, reset, DNS). */
export function isStoreUnreachable(e: unknown): boolean {
	return e instanceof TypeError && e.message === 'fetch failed';
}

/**
 * Turns an exception from the store into a response: 503 with `Retry-After` when the store
 * failed or could not be reached (temporary from a device's point of view, so its queue keeps
 * the item and retries), 500 for anything else. Logged either way.
 */
export function storeFailure(e: unknown): Response {
	// Not a failure: the citizens' hashing queue is full (a flood of lookups), try again soon.
	if (e instanceof HashingBusyError) {
		return apiError('muchas_consultas', { headers: { 'retry-after': String(e.retryAfter) } });
	}
	console.error(e);
	if (e instanceof CouchError || isStoreUnreachable(e)) {
		return apiError('almacen_no_disponible', { headers: { 'retry-after': '10' } });
	}
	return apiError('error_interno');
}

/** The `Retry-After` header of a refusal that says how long to wait, or none. */
export function retryAfterHeader(seconds: number | undefined): Record<string, string> | undefined {
	return seconds ? { 'retry-after': String(seconds) } : undefined;
}
