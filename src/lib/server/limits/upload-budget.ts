/**
 * A cap on the request bytes that large bodies being read may hold at once in one server
 * (`LIMITS.uploadBytesInFlight`). A body is counted by its declared length (or the largest body
 * the server accepts when it declares none) from the moment its request arrives until its
 * answer is ready; one body alone is always let in, so a single large filing never waits.
 */
import { LIMITS } from '$lib/policy';

export class UploadBudget {
	#inFlight = 0;

	constructor(
		readonly maxBytes: number,
		readonly trackedFrom: number
	) {}

	get inFlight(): number {
		return this.#inFlight;
	}

	/**
	 * Reserves `bytes`: a function that gives them back (call it once), or null when the budget
	 * is full. Small bodies are never counted nor refused.
	 */
	reserve(bytes: number): (() => void) | null {
		if (bytes < this.trackedFrom) return () => {};
		if (this.#inFlight > 0 && this.#inFlight + bytes > this.maxBytes) return null;
		this.#inFlight += bytes;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#inFlight -= bytes;
		};
	}
}

/** The bytes a request's body will take: declared, or the largest accepted when it is chunked. */
export function bodyBytesOf(request: Request): number {
	if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return 0;
	const declared = Number(request.headers.get('content-length') ?? NaN);
	return Number.isFinite(declared) && declared >= 0
		? Math.min(declared, LIMITS.bodyBytes)
		: LIMITS.bodyBytes;
}

/** This server's budget. */
export const uploads = new UploadBudget(LIMITS.uploadBytesInFlight, LIMITS.uploadTrackedFrom);
