/**
 * The citizen completes a request the Alcaldía asked them to complete (Ley 1755 art. 17), with
 * its radicado + PIN, from the tracking page. Stored as a `complemento` event (the request
 * itself never changes) carrying the resumed due date: the días hábiles left when the term
 * stopped run again from today (`$lib/domain/completion`). The same answer sent twice
 * (`clientId`) is stored once. A late answer is still taken while the Alcaldía has not declared
 * the desistimiento tácito: closing it is the Alcaldía's reasoned act, not the clock's.
 */
import { bogotaDate } from '$lib/domain/calendar-date';
import { resumedDueDate } from '$lib/domain/completion';
import { isSettled } from '$lib/domain/request-state';
import type { EventDoc } from '$lib/schemas';
import { municipalCalendar } from '$lib/server/backoffice/requests';
import { appendEvent, EventConflict, eventsOf, stateOf } from './events';
import { findOwnRequest } from './tracking';
import { PETITIONER_AUTHOR } from './withdrawal';

export type CompletionOutcome =
	| { ok: true; radicado: string; at: string; dueDate?: string }
	| { ok: false; code: 'no_encontrado' | 'solicitud_atendida' | 'no_en_espera' | 'conflicto_id' };

/**
 * Adds the citizen's answer to the request behind `radicado` + `pin`. An unknown radicado and a
 * wrong PIN are the same `no_encontrado`, as in tracking; callers run it inside
 * `withTrackingLookups`, so PIN guesses count against the same limits.
 */
export async function completeRequest(input: {
	radicado: string;
	pin: string;
	clientId: string;
	text: string;
	now?: Date;
}): Promise<CompletionOutcome> {
	const doc = await findOwnRequest(input.radicado, input.pin);
	if (!doc) return { ok: false, code: 'no_encontrado' };
	const events = await eventsOf(doc.id);
	const again = events.find((e) => e.clientId === input.clientId);
	if (again) return sameCompletion(again, doc.radicado);
	const state = stateOf(doc, events);
	if (isSettled(state.status)) return { ok: false, code: 'solicitud_atendida' };
	const waiting = state.awaitingCitizen;
	if (!waiting) return { ok: false, code: 'no_en_espera' };
	const now = input.now ?? new Date();
	const dueDate =
		state.dueDate &&
		resumedDueDate({
			dueDate: state.dueDate,
			askedOn: bogotaDate(new Date(waiting.since)),
			completedOn: bogotaDate(now),
			calendar: await municipalCalendar()
		});
	try {
		const { doc: event } = await appendEvent(
			doc,
			{ kind: 'complemento', text: input.text, ...(dueDate ? { dueDate } : {}) },
			{ by: PETITIONER_AUTHOR },
			{ clientId: input.clientId, now }
		);
		return sameCompletion(event, doc.radicado);
	} catch (e) {
		if (e instanceof EventConflict) return { ok: false, code: 'conflicto_id' };
		throw e;
	}
}

/** A form posted again after its answer was lost gets the first answer. */
function sameCompletion(event: EventDoc, radicado: string): CompletionOutcome {
	return event.kind === 'complemento'
		? { ok: true, radicado, at: event.at, ...(event.dueDate ? { dueDate: event.dueDate } : {}) }
		: { ok: false, code: 'conflicto_id' };
}
