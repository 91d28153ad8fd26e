/**
 * Notifying citizens of what the Alcaldía did to their request through the channel they chose
 * (Ley 1755; CPACA art. 56, 67–69): by e-mail, or by a letter to their address. Every notified
 * event gets one `notificacion:<event id>` document (an event is notified once, whichever
 * server stored it).
 *
 * A letter's document is written when the official records it printed or handed over
 * (`$lib/domain/letter-delivery`); the day it was handed over is the day of notification.
 *
 * An e-mail's is created with the event, and a delivery round on every server sends what is due
 * (read from a view of the pending ones):
 * - a server first claims a notification by pushing its next attempt ahead (a conflict means
 *   another server has it), then sends, then records the result;
 * - a failure (the mail server down, refusing) is retried with the devices' backoff (5 s, ×3,
 *   at most 15 minutes apart) up to {@link MAX_ATTEMPTS} times, then marked failed for the
 *   official to notify by other means; an address the mail server refuses for good (a 5xx
 *   answer) is marked bounced at once. Nothing is lost across restarts: the state is stored.
 */
import { backoffMs } from '$lib/outbox/policy';
import {
	NOTIFIED_KINDS,
	eventDocSchema,
	notificationDocSchema,
	requestDocSchema,
	type EventDoc,
	type NotificationDoc,
	type RequestDoc
} from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { config } from '$lib/server/config';
import { requestDocId } from '$lib/server/requests/docs';
import { composeNotice } from './compose';
import { mailConfigured, sendMail } from './mailer';

/** After this many failed attempts (about six hours of backoff) the official takes over. */
export const MAX_ATTEMPTS = 8;
const ROUND_EVERY_MS = 5_000;

/** The address to notify `request` at, when its citizen chose e-mail; else null. */
export function emailChannelOf(request: Pick<RequestDoc, 'values' | 'applicant'>): string | null {
	return request.values.medio_respuesta === 'correo-electronico' && request.applicant?.email
		? request.applicant.email
		: null;
}

/** Whether `request`'s citizen asked for the answer by letter to their address. */
export const letterChannelOf = (request: Pick<RequestDoc, 'values'>): boolean =>
	request.values.medio_respuesta === 'direccion-fisica';

export const notificationId = (eventId: string) => `notificacion:${eventId}`;

/** The view of `couchdb/ddocs/gestion/notificaciones`: pending e-mails by next attempt. */
const DUE_VIEW = { ddoc: 'notificaciones', view: 'por_enviar' } as const;

/**
 * Queues the e-mail of `event` when the citizen chose e-mail and this server can send it.
 * Returns whether one is queued (now or earlier).
 */
export async function queueNotification(request: RequestDoc, event: EventDoc): Promise<boolean> {
	if (!(NOTIFIED_KINDS as readonly string[]).includes(event.kind)) return false;
	if (!emailChannelOf(request) || !mailConfigured()) return false;
	const doc: NotificationDoc = notificationDocSchema.parse({
		_id: notificationId(event._id),
		type: 'notificacion',
		channel: 'correo',
		solicitud: request.id,
		radicado: request.radicado,
		event: event._id,
		kind: event.kind,
		state: 'pendiente',
		attempts: 0,
		nextAttemptAt: event.at,
		createdAt: new Date().toISOString()
	});
	try {
		await couch().put(DB.staff, doc);
	} catch (e) {
		// Queued already (the same event stored again, or another server): once is enough.
		if (!(e instanceof CouchError && e.status === 409)) throw e;
	}
	void deliverDue();
	return true;
}

/** The notifications of one request, by event id. */
export async function notificationsOf(requestId: string): Promise<Map<string, NotificationDoc>> {
	const prefix = `notificacion:evento:${requestId}:`;
	const docs = await couch().range(DB.staff, prefix, `${prefix}\ufff0`, notificationDocSchema);
	return new Map(docs.map((d) => [d.event, d]));
}

let running: Promise<number> | null = null;

/**
 * One delivery round: sends every pending notification that is due. Rounds never overlap in a
 * process; a call during a round waits for it. Returns how many were sent.
 */
export function deliverDue(now = () => Date.now()): Promise<number> {
	running ??= deliverRound(now).finally(() => (running = null));
	return running;
}

async function deliverRound(now: () => number): Promise<number> {
	if (!mailConfigured()) return 0;
	const due = await couch().viewDocsUpTo(
		DB.staff,
		DUE_VIEW.ddoc,
		DUE_VIEW.view,
		new Date(now()).toISOString(),
		notificationDocSchema
	);
	let sent = 0;
	for (const doc of due) {
		if (await deliverOne(doc, now)) sent += 1;
	}
	return sent;
}

async function deliverOne(doc: NotificationDoc, now: () => number): Promise<boolean> {
	const attempts = doc.attempts + 1;
	// The claim: while this server sends, no other one does (and a crash here retries later).
	const claimed = await update({
		...doc,
		attempts,
		nextAttemptAt: new Date(now() + backoffMs(attempts)).toISOString()
	});
	if (!claimed) return false;
	const [request, event] = await Promise.all([
		couch().get(DB.requests, requestDocId(doc.solicitud), requestDocSchema),
		couch().getIfValid(DB.requests, doc.event, eventDocSchema)
	]);
	const to = request && emailChannelOf(request);
	if (!request || !event || !to) {
		await update({
			...claimed,
			state: 'fallida',
			lastError: 'La solicitud o el evento ya no están'
		});
		return false;
	}
	try {
		await sendMail({ to, ...composeNotice(request, event, config().ORIGIN) });
		await update({ ...claimed, state: 'enviada', sentAt: new Date(now()).toISOString() });
		return true;
	} catch (e) {
		const lastError = (e instanceof Error ? e.message : String(e)).slice(0, 300);
		// A 5xx answer (no such mailbox, domain refused) will not change by retrying.
		const code = (e as { responseCode?: unknown }).responseCode;
		const bounced = typeof code === 'number' && code >= 500 && code < 600;
		const state = bounced ? 'rebotada' : attempts >= MAX_ATTEMPTS ? 'fallida' : 'pendiente';
		await update({ ...claimed, state, lastError });
		return false;
	}
}

/** Writes `doc` over its revision; the stored one, or null when another server changed it. */
async function update(doc: NotificationDoc): Promise<NotificationDoc | null> {
	try {
		const { rev } = await couch().put(DB.staff, doc);
		return { ...doc, _rev: rev };
	} catch (e) {
		if (e instanceof CouchError && e.status === 409) return null;
		throw e;
	}
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Starts the delivery rounds once per process; a failed round (store outage) is retried. */
export function startNotificationDelivery(): void {
	if (timer) return;
	timer = setInterval(() => {
		deliverDue().catch((e: unknown) =>
			console.warn(`Envío de notificaciones fallido: ${String(e)}`)
		);
	}, ROUND_EVERY_MS);
	timer.unref();
}
