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
import { claimDocId, requestDocId } from './docs';
import { eventsOf, publicHistory, stateOf, type Notified } from './events';
import { HashingBusyError, verifyAgainstNothing, verifyPin } from './pin';
import { rates } from '$lib/server/limits/rates';
import { LIMITS } from '$lib/policy';
import { notificationsOf } from '$lib/server/notify/notifications';

/** Requests one device may check at once. */
export const MAX_TRACKING_ITEMS = LIMITS.trackingItems;

export const trackingItemSchema = z
	.object({ radicado: z.string().max(40), pin: z.string().max(20) })
	.strict();
export type TrackingItem = z.infer<typeof trackingItemSchema>;

/** Body of `POST /api/seguimiento`. */
export const trackingRequestSchema = z
	.object({ items: z.array(trackingItemSchema).min(1).max(MAX_TRACKING_ITEMS) })
	.strict();

/**
 * Why a lookup was refused before any PIN was checked: too many from this address (or too many
 * wrong PINs for one radicado), `demasiados_intentos`; or too many lookups in flight on this
 * server, `muchas_consultas`. Either way a 429 with `Retry-After`.
 */
export class TrackingRefused extends Error {
	constructor(
		readonly code: 'demasiados_intentos' | 'muchas_consultas',
		readonly retryAfter: number
	) {
		super(`Consulta rechazada (${code}); espere ${retryAfter} s`);
		this.name = 'TrackingRefused';
	}
}

/**
 * Items being looked up in this process at most. A flood of anonymous lookups (each one costs
 * store writes for the limits, then a scrypt check) is refused at the door beyond this, before
 * it touches the store, so officials' work and honest lookups keep their share of the store
 * and of the event loop. One full device request (50 items) is always let in when nothing
 * else is running.
 */
const MAX_ITEMS_IN_FLIGHT = LIMITS.trackingInFlight;
let itemsInFlight = 0;

/**
 * Runs `lookup` for `count` radicado + PIN items asked by `clientAddress`, within the server's
 * lookups in flight and the address's allowance (shared by every server, see
 * `$lib/server/limits/rates`). Every route that checks PINs goes through here.
 * @throws {TrackingRefused}
 */
export async function withTrackingLookups<T>(
	clientAddress: string,
	count: number,
	lookup: () => Promise<T>
): Promise<T> {
	if (itemsInFlight > 0 && itemsInFlight + count > MAX_ITEMS_IN_FLIGHT) {
		throw new TrackingRefused('muchas_consultas', 5);
	}
	itemsInFlight += count;
	try {
		const { wait } = await rates().trackingByAddress.take(clientAddress, count);
		if (wait) throw new TrackingRefused('demasiados_intentos', wait);
		return await lookup();
	} catch (e) {
		if (e instanceof HashingBusyError) throw new TrackingRefused('muchas_consultas', e.retryAfter);
		throw e;
	} finally {
		itemsInFlight -= count;
	}
}

/**
 * Checks a PIN against what `key` names (a request id, or the code typed when it names none),
 * counting the check as a guess of that key unless the PIN was right. Over the limit, nothing is
 * checked: a right PIN and a wrong one get the same refusal, so the limit caps guessing.
 */
async function guessed(
	key: string,
	check: () => Promise<RequestDoc | null>
): Promise<RequestDoc | null> {
	const limit = rates().pinGuessesByRequest;
	const use = await limit.take(key);
	// Too many wrong PINs for this radicado lately, from any address and server.
	if (use.wait) throw new TrackingRefused('demasiados_intentos', use.wait);
	const doc = await check();
	if (doc) await limit.refund(use);
	return doc;
}

async function docsByKey<S extends z.ZodType>(
	keys: string[],
	schema: S
): Promise<Map<string, z.output<S>>> {
	if (!keys.length) return new Map();
	const rows = await couch().allDocs(DB.requests, { keys: [...new Set(keys)] }, schema);
	return new Map(rows.flatMap((r) => (r.doc === undefined ? [] : [[r.id, r.doc] as const])));
}

function viewOf(
	doc: RequestDoc,
	events: EventDoc[],
	notified: ReadonlyMap<string, Notified>
): TrackingView {
	const state = stateOf(doc, events);
	return {
		radicado: doc.radicado,
		formTitle: doc.formTitle,
		capturedAt: doc.capturedAt,
		receivedAt: doc.receivedAt,
		...(doc.handedIn?.attested ? { handedInAt: doc.capturedAt } : {}),
		// After an extension the citizen sees the new due date.
		deadline:
			doc.deadline && state.dueDate ? { ...doc.deadline, dueDate: state.dueDate } : doc.deadline,
		...(state.awaitingCitizen
			? { awaitingCitizen: { respondBy: state.awaitingCitizen.respondBy } }
			: {}),
		status: state.status,
		events: publicHistory(doc, events, notified)
	};
}

/**
 * Looks requests up by radicado (or provisional code) + PIN; the answer has one entry per item, in order: the view,
 * or `null` when the radicado is unknown or the PIN is wrong (indistinguishable on purpose).
 * Radicados are accepted as people type them (lower case, spaces). Callers run it inside
 * {@link withTrackingLookups}.
 * @throws {import('$lib/server/couch/client').CouchError} when the store fails.
 */
export async function trackRequests(
	items: ReadonlyArray<{ radicado: string; pin: string }>
): Promise<Array<TrackingView | null>> {
	const own = await findOwnRequests(items);
	return Promise.all(
		own.map(async (doc) => {
			if (!doc) return null;
			const [events, notifications] = await Promise.all([
				eventsOf(doc.id),
				notificationsOf(doc.id)
			]);
			// E-mail: the instant the mail server took it; a letter: the day it was handed over.
			const notified = new Map(
				[...notifications].flatMap(([event, n]) => {
					const at = n.state === 'entregada' ? n.deliveredOn : n.sentAt;
					return at ? [[event, { at, channel: n.channel }] as const] : [];
				})
			);
			return viewOf(doc, events, notified);
		})
	);
}

/**
 * A provisional code (`PEND-3F2A9C1B`, the first 8 hex digits of the request id) as shown by a
 * device before its request reached the server: a citizen who filed offline at a kiosk leaves
 * with only this code and the PIN, so once the request is filed they track with them too.
 */
const PROVISIONAL = /^PEND-([0-9A-F]{8})$/;

/**
 * The filed request behind each radicado (or provisional code) + PIN, or null (unknown code or
 * wrong PIN, after the same work either way). Limits PIN guesses per request (any address,
 * any server); callers run it inside {@link withTrackingLookups}.
 * @throws {TrackingRefused} when a radicado asked for had too many wrong PINs lately.
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
			if (!doc || doc.radicado !== w.radicado) {
				return guessed(w.radicado, () => verifyAgainstNothing(w.pin).then(() => null));
			}
			return guessed(doc.id, async () => ((await verifyPin(w.pin, doc.pinHash)) ? doc : null));
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
	const only = candidates.length === 1 ? candidates[0] : undefined;
	return guessed(only?.id ?? `PEND-${prefix}`, async () => {
		if (!candidates.length) return verifyAgainstNothing(pin).then(() => null);
		for (const doc of candidates) if (await verifyPin(pin, doc.pinHash)) return doc;
		return null;
	});
}

export async function findOwnRequest(radicado: string, pin: string): Promise<RequestDoc | null> {
	return (await findOwnRequests([{ radicado, pin }]))[0] ?? null;
}
