/**
 * The store's yearly numbering (see radicado-allocator.ts): one allocator per process for every
 * series, the radicados of entry and the outgoing numbers alike.
 */
import { couch, DB } from '$lib/server/couch';
import { RadicadoAllocator, RadicadoYearEndedError, type Allocation } from './radicado-allocator';

const allocator = new RadicadoAllocator(couch, DB.requests);

/**
 * The next number of `prefix`'s series for `ownerId` (a request, or an outgoing communication's
 * event), with its instant; the same owner again gets the same number. One still waiting when the
 * year ended is numbered in the new year's series.
 */
export async function allocateNumber(
	prefix: string,
	at: Date,
	ownerId: string
): Promise<Allocation> {
	try {
		return await allocator.allocate({ prefix, receivedAt: at, requestId: ownerId });
	} catch (e) {
		if (!(e instanceof RadicadoYearEndedError)) throw e;
		return allocator.allocate({ prefix, receivedAt: new Date(), requestId: ownerId });
	}
}
