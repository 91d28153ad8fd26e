/**
 * Tracking: a citizen reads the status and answers of their own requests with radicado + PIN.
 *
 * An unknown radicado and a wrong PIN give the same answer (`null`) after the same work (one
 * scrypt verification), so the API cannot be used to learn which radicados exist. Nothing
 * personal is returned (no applicant, values or attachments): a leaked PIN shows only what the
 * municipality answered.
 */
import { claimDocSchema, requestDocSchema } from '$lib/schemas';
import { z } from 'zod';
import type { EventDoc, RequestDoc, TrackingView } from '$lib/schemas';
import { normalizeRadicadoInput, parseRadicado } from '$lib/domain/radicado';
import { couch, DB } from '$lib/server/couch';
import { config } from '$lib/server/config';
import { claimDocId, requestDocId } from './docs';
import { eventsOf, publicHistory, stateOf } from './events';
import { verifyAgainstNothing, verifyPin } from './pin';
import { TokenBuckets } from '$lib/server/limits/rate-limit';

/** Requests one device may check at once. */
export const MAX_TRACKING_ITEMS = 50;

export const trackingItemSchema = z
	.object({ radicado: z.string().max(40), pin: z.string().max(20) })
	.strict();
export type TrackingItem = z.infer<typeof trackingItemSchema>;

/** Body of `POST /api/seguimiento`. */
export const trackingRequestSchema = z
	.object({ items: z.array(trackingItemSchema).min(1).max(MAX_TRACKING_ITEMS) })
	.strict();

let buckets: TokenBuckets | undefined;

/**
 * Takes `count` lookups from the client address's allowance (see rate-limit.ts: per process).
 * Returns 0 when allowed, else the seconds to wait. Pages that call {@link trackRequests}
 * directly (the no-JavaScript tracking form) must call this first, with
 * `event.getClientAddress()`.
 */
export function takeTrackingLookups(clientAddress: string, count: number): number {
	const perMinute = config().TRACKING_LOOKUPS_PER_MINUTE;
	// A full bucket answers one full request of MAX_TRACKING_ITEMS; the refill sets the pace.
	buckets ??= new TokenBuckets({ capacity: Math.max(MAX_TRACKING_ITEMS, perMinute), perMinute });
	return buckets.take(clientAddress, count);
}

async function docsByKey<S extends z.ZodType>(
	keys: string[],
	schema: S
): Promise<Map<string, z.output<S>>> {
	if (!keys.length) return new Map();
	const rows = await couch().allDocs(DB.requests, { keys: [...new Set(keys)] }, schema);
	return new Map(rows.flatMap((r) => (r.doc === undefined ? [] : [[r.id, r.doc] as const])));
}

function viewOf(doc: RequestDoc, events: EventDoc[]): TrackingView {
	const state = stateOf(doc, events);
	return {
		radicado: doc.radicado,
		formTitle: doc.formTitle,
		capturedAt: doc.capturedAt,
		receivedAt: doc.receivedAt,
		// After an extension the citizen sees the new due date.
		deadline:
			doc.deadline && state.dueDate ? { ...doc.deadline, dueDate: state.dueDate } : doc.deadline,
		status: state.status,
		events: publicHistory(doc, events)
	};
}

/**
 * Looks requests up by radicado (or provisional code) + PIN; the answer has one entry per item, in order: the view,
 * or `null` when the radicado is unknown or the PIN is wrong (indistinguishable on purpose).
 * Radicados are accepted as people type them (lower case, spaces). Does not rate-limit: see
 * {@link takeTrackingLookups}.
 * @throws {import('$lib/server/couch/client').CouchError} when the store fails.
 */
export async function trackRequests(
	items: ReadonlyArray<{ radicado: string; pin: string }>
): Promise<Array<TrackingView | null>> {
	const own = await findOwnRequests(items);
	return Promise.all(own.map(async (doc) => (doc ? viewOf(doc, await eventsOf(doc.id)) : null)));
}

/**
 * A provisional code (`PEND-3F2A9C1B`, the first 8 hex digits of the request id) as shown by a
 * device before its request reached the server: a citizen who filed offline at a kiosk leaves
 * with only this code and the PIN, so once the request is filed they track with them too.
 */
const PROVISIONAL = /^PEND-([0-9A-F]{8})$/;

/**
 * The filed request behind each radicado (or provisional code) + PIN, or null (unknown code or
 * wrong PIN, after the same work either way). Does not rate-limit: see
 * {@link takeTrackingLookups}.
 */
export async function findOwnRequests(
	items: ReadonlyArray<{ radicado: string; pin: string }>
): Promise<Array<RequestDoc | null>> {
	const wanted = items.map((item) => {
		const radicado = normalizeRadicadoInput(String(item.radicado));
		const pin = String(item.pin).trim();
		if (!/^\d{6}$/.test(pin)) return null;
		const provisional = PROVISIONAL.exec(radicado)?.[1]?.toLowerCase();
		if (provisional) return { radicado, pin, provisional };
		return parseRadicado(radicado) ? { radicado, pin, provisional: undefined } : null;
	});
	const claims = await docsByKey(
		wanted.flatMap((w) => (w && !w.provisional ? [claimDocId(w.radicado)] : [])),
		claimDocSchema
	);
	const solicitudes = await docsByKey(
		[...claims.values()].map((c) => requestDocId(c.solicitud)),
		requestDocSchema
	);
	return Promise.all(
		wanted.map(async (w) => {
			if (!w) return null;
			if (w.provisional) return byProvisionalCode(w.provisional, w.pin);
			const claim = claims.get(claimDocId(w.radicado));
			const doc = claim && solicitudes.get(requestDocId(claim.solicitud));
			// A claim without its request is a documented gap: unknown, like any other.
			if (!doc || doc.radicado !== w.radicado) return verifyAgainstNothing(w.pin).then(() => null);
			return (await verifyPin(w.pin, doc.pinHash)) ? doc : null;
		})
	);
}

/**
 * The filed request whose id starts with `prefix` (8 hex digits) and whose PIN is `pin`. Ids are
 * random UUIDs, so two requests sharing a prefix are rare (about one pair in 10^5 at 300 000
 * requests) and the PIN tells them apart; each candidate costs one scrypt verification.
 */
async function byProvisionalCode(prefix: string, pin: string): Promise<RequestDoc | null> {
	const start = requestDocId(prefix);
	const candidates = (await couch().range(DB.requests, start, `${start}\ufff0`, requestDocSchema))
		.filter((d) => d.type === 'solicitud')
		.slice(0, 5);
	if (!candidates.length) return verifyAgainstNothing(pin).then(() => null);
	for (const doc of candidates) if (await verifyPin(pin, doc.pinHash)) return doc;
	return null;
}

export async function findOwnRequest(radicado: string, pin: string): Promise<RequestDoc | null> {
	return (await findOwnRequests([{ radicado, pin }]))[0] ?? null;
}
