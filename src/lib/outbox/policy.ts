/**
 * The state machine of every device queue (`queue.ts`), pure: what a failed send attempt means
 * for the row. Rows leave a queue only when the server confirms; failures that a retry can fix
 * are retried with exponential backoff; failures that a retry cannot fix stop and wait for the
 * person (the row shows the reason).
 */

/** How one attempt to send a row failed. */
export type Attempt = { kind: 'network' } | { kind: 'http'; status: number; code?: string };

/** First retry after 5 s, then ×3 each time, at most 15 minutes apart. */
const BASE_MS = 5_000;
const MAX_MS = 15 * 60_000;

/** Delay before attempt number `attempts + 1`, with ±20 % jitter so devices don't sync in step. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
	const raw = Math.min(MAX_MS, BASE_MS * 3 ** Math.max(0, attempts - 1));
	return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * HTTP statuses worth retrying: the server or the link, not the request, was the problem. A 401
 * is a field official's expired session: their captures wait until they sign in again.
 */
export function isRetryable(status: number): boolean {
	return status === 401 || status === 408 || status === 425 || status === 429 || status >= 500;
}

export type Transition =
	| { to: 'pendiente'; nextAttemptAt: number; lastError: string; attempts: number }
	| { to: 'rechazada'; lastError: string; attempts: number };

/** The row's next state after a failed attempt made at `now` (ms). */
export function transition(
	item: { attempts: number },
	attempt: Attempt,
	now: number,
	random?: () => number
): Transition {
	const attempts = item.attempts + 1;
	if (attempt.kind === 'network' || isRetryable(attempt.status)) {
		const lastError =
			attempt.kind === 'network'
				? 'sin_conexion'
				: attempt.status === 401
					? 'sesion_requerida'
					: (attempt.code ?? `http_${attempt.status}`);
		return {
			to: 'pendiente',
			attempts,
			lastError,
			nextAttemptAt: now + backoffMs(attempts, random)
		};
	}
	return { to: 'rechazada', attempts, lastError: attempt.code ?? `http_${attempt.status}` };
}

/** "PEND-3F2A9C1B": shown to the citizen the moment a request is queued. */
export function provisionalCode(id: string): string {
	return `PEND-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** A 6-digit PIN from the platform's cryptographic random source. */
export function generatePin(crypto: Crypto = globalThis.crypto): string {
	const [n = 0] = crypto.getRandomValues(new Uint32Array(1));
	return String(n % 1_000_000).padStart(6, '0');
}
