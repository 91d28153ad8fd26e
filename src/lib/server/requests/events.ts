/**
 * Event documents of requests: reading one request's history and appending to it. Every action
 * is a new document whose id carries the device-generated `clientId`, so the same action sent
 * twice (a retry after a lost response, an offline queue flushed twice) is stored once.
 */
import { randomUUID } from 'node:crypto';
import {
	eventDocSchema,
	PUBLIC_EVENT_KINDS,
	type EventDoc,
	type EventInput,
	type WithdrawalInput,
	type CompletionInput,
	type NotificationChannel,
	type PublicEventView,
	type RequestDoc
} from '$lib/schemas';
import { applyEvent, foldRequest, sortEvents, type RequestState } from '$lib/domain/request-state';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { eventRange } from './docs';

/** Events of one request, oldest first (invalid documents are skipped, never shown). */
export async function eventsOf(requestId: string): Promise<EventDoc[]> {
	const [start, end] = eventRange(requestId);
	return sortEvents(await couch().range(DB.requests, start, end, eventDocSchema));
}

/** The state a request is in, from the request and its events. */
export function stateOf(doc: RequestDoc, events: readonly EventDoc[]): RequestState {
	return foldRequest(
		{
			dependencia: doc.dependencia,
			dueDate: doc.deadline?.dueDate ?? null,
			receivedAt: doc.receivedAt
		},
		events
	);
}

/**
 * An event's notification to the citizen: an e-mail's instant, or the day a letter was handed
 * over (YYYY-MM-DD).
 */
export interface Notified {
	at: string;
	channel: NotificationChannel;
}

/** The history the citizen sees: public kinds only, each with the status it left. */
export function publicHistory(
	doc: RequestDoc,
	events: readonly EventDoc[],
	/** How and when each event was notified, by event id. */
	notified: ReadonlyMap<string, Notified> = new Map()
): PublicEventView[] {
	const state = stateOf(doc, []);
	const out: PublicEventView[] = [];
	for (const e of sortEvents(events)) {
		applyEvent(state, e);
		if (!(PUBLIC_EVENT_KINDS as readonly string[]).includes(e.kind)) continue;
		out.push({
			at: e.at,
			kind: e.kind as PublicEventView['kind'],
			status: state.status,
			text: 'text' in e ? e.text : '',
			...(e.kind === 'prorroga' || (e.kind === 'complemento' && e.dueDate)
				? { dueDate: e.dueDate }
				: {}),
			...(e.kind === 'requerimiento' && state.awaitingCitizen
				? { respondBy: state.awaitingCitizen.respondBy }
				: {}),
			...(e.kind === 'remision' ? { entity: e.entity } : {}),
			...(e.kind === 'respuesta' && e.denial ? { denial: e.denial } : {}),
			...(e.kind === 'respuesta' && e.document ? { document: e.document } : {}),
			...(notified.has(e._id)
				? { notifiedAt: notified.get(e._id)!.at, notifiedBy: notified.get(e._id)!.channel }
				: {}),
			...(e.outgoing ? { outgoing: e.outgoing } : {})
		});
	}
	return out;
}

/**
 * One id per action: the device's `clientId` under the request's prefix, so one range read gets
 * a request's history and a retried action (even two at once) collides with itself.
 */
export const eventId = (requestId: string, clientId: string) => `evento:${requestId}:${clientId}`;

export class EventConflict extends Error {
	constructor() {
		super('otro evento con el mismo identificador y distinto contenido');
	}
}

/**
 * Stores an event for `solicitud`. With the same `clientId` again it returns the stored
 * event when the content is the same, and throws {@link EventConflict} when it differs.
 */
export async function appendEvent(
	solicitud: Pick<RequestDoc, 'id' | 'radicado'>,
	input: EventInput | WithdrawalInput | CompletionInput,
	actor: { by: string; byUser?: string },
	opts: {
		clientId?: string;
		deviceAt?: Date;
		now?: Date;
		documentData?: string;
		/** Its outgoing number, claimed for this event's `clientId` at `now`. */
		outgoing?: string;
		/** A requerimiento's last day to answer, by the request type's rules. */
		respondBy?: string;
	} = {}
): Promise<{ doc: EventDoc; created: boolean }> {
	const now = opts.now ?? new Date();
	// The server is the clock of record: the device's time is kept, never used as the legal one.
	const at = now.toISOString();
	const clientId = opts.clientId ?? randomUUID();
	const doc = eventDocSchema.parse({
		...input,
		_id: eventId(solicitud.id, clientId),
		type: 'evento',
		solicitud: solicitud.id,
		radicado: solicitud.radicado,
		at,
		...(opts.deviceAt ? { deviceAt: opts.deviceAt.toISOString() } : {}),
		by: actor.by,
		...(actor.byUser ? { byUser: actor.byUser } : {}),
		clientId,
		recordedAt: at,
		...(opts.outgoing ? { outgoing: opts.outgoing } : {}),
		...(input.kind === 'requerimiento' && opts.respondBy ? { respondBy: opts.respondBy } : {})
	});
	// The answer's document travels inline in the same write: the event exists with it or not at all.
	const attachments =
		input.kind === 'respuesta' && input.document && opts.documentData
			? {
					_attachments: {
						[input.document.id]: { content_type: input.document.type, data: opts.documentData }
					}
				}
			: {};
	try {
		await couch().put(DB.requests, { ...doc, ...attachments });
		return { doc, created: true };
	} catch (e) {
		if (!(e instanceof CouchError && e.status === 409)) throw e;
		const stored = await couch().getIfValid(DB.requests, doc._id, eventDocSchema);
		if (!stored || !sameAction(stored, doc)) throw new EventConflict();
		return { doc: stored, created: false };
	}
}

/**
 * Same action: same request, kind, content and author. The time is not compared: a retry is
 * stamped later than the original, whose time stands.
 */
function sameAction(a: EventDoc, b: EventDoc): boolean {
	const strip = ({
		_rev: _r,
		recordedAt: _t,
		at: _a,
		deviceAt: _d,
		_attachments: _f,
		...rest
	}: EventDoc) => JSON.stringify(Object.entries(rest).sort(([x], [y]) => (x < y ? -1 : 1)));
	return strip(a) === strip(b);
}
