/**
 * Letters to the citizen's address (CPACA art. 67–69): the official records each notified
 * action's letter printed, then handed over, on its `notificacion:<event id>` document
 * (channel `fisico`). The rules are `$lib/domain/letter-delivery`; the server's clock dates the
 * records, and the day of delivery the official gives becomes the citizen's "notificada el".
 */
import { bogotaDate } from '$lib/domain/calendar-date';
import { checkLetterStep, type LetterRefusal, type LetterState } from '$lib/domain/letter-delivery';
import {
	NOTIFIED_KINDS,
	notificationDocSchema,
	type EventDoc,
	type LetterRecordInput,
	type NotificationDoc,
	type RequestDoc,
	type SessionUser
} from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { letterChannelOf, notificationId } from './notifications';

export type LetterRecordOutcome =
	| { ok: true; doc: NotificationDoc }
	| { ok: false; refusal: LetterRefusal | 'no_es_carta' | 'conflicto' };

/** Two officials recording at once: the later one reads the record again this many times. */
const TRIES = 3;

/** Records `event`'s letter printed or handed over, by `actor`, at the server's `now`. */
export async function recordLetter(
	request: RequestDoc,
	event: EventDoc,
	input: LetterRecordInput,
	actor: SessionUser,
	now: Date = new Date()
): Promise<LetterRecordOutcome> {
	const notified = (NOTIFIED_KINDS as readonly string[]).includes(event.kind);
	if (!letterChannelOf(request) || !notified || event.solicitud !== request.id) {
		return { ok: false, refusal: 'no_es_carta' };
	}
	const at = now.toISOString();
	const today = bogotaDate(now);
	for (let i = 0; i < TRIES; i++) {
		const stored = await couch().get(DB.staff, notificationId(event._id), notificationDocSchema);
		if (stored && stored.channel !== 'fisico') return { ok: false, refusal: 'no_es_carta' };
		const state: LetterState =
			stored?.state === 'impresa' || stored?.state === 'entregada' ? stored.state : 'pendiente';
		const checked = checkLetterStep(state, input.step, {
			deliveredOn: input.deliveredOn,
			actionDate: bogotaDate(new Date(event.at)),
			today
		});
		if (!checked.ok) return checked;
		const base: NotificationDoc = stored ?? {
			_id: notificationId(event._id),
			type: 'notificacion',
			channel: 'fisico',
			solicitud: request.id,
			radicado: request.radicado,
			event: event._id,
			kind: event.kind as NotificationDoc['kind'],
			state: 'pendiente',
			attempts: 0,
			nextAttemptAt: event.at,
			createdAt: at
		};
		const doc = notificationDocSchema.parse({
			...base,
			state: checked.state,
			...(input.step === 'impresa'
				? // A reprint keeps the first printing's date and official.
					{ printedAt: base.printedAt ?? at, printedBy: base.printedBy ?? actor.username }
				: {
						deliveredOn: input.deliveredOn ?? today,
						deliveredVia: input.deliveredVia,
						...(input.deliveryNote ? { deliveryNote: input.deliveryNote } : {}),
						recordedBy: actor.username,
						recordedAt: at
					})
		});
		try {
			const { rev } = await couch().put(DB.staff, doc);
			return { ok: true, doc: { ...doc, _rev: rev } };
		} catch (e) {
			if (!(e instanceof CouchError && e.status === 409)) throw e;
		}
	}
	return { ok: false, refusal: 'conflicto' };
}
