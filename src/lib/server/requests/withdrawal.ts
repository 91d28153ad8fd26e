/**
 * Desistimiento expreso (Ley 1755 art. 18): a citizen withdraws their own request with its
 * radicado + PIN. Stored as a `desistimiento` event (the request itself never changes); the
 * Alcaldía stops handling it and its term no longer runs. Only a request not yet answered or
 * closed can be withdrawn. The same withdrawal sent twice (`clientId`) is stored once.
 */
import { isSettled } from '$lib/domain/request-state';
import type { EventDoc } from '$lib/schemas';
import { appendEvent, EventConflict, eventsOf, stateOf } from './events';
import { findOwnRequest } from './tracking';

/** Who the history names as the author of what the citizen does (a withdrawal, a completion). */
export const PETITIONER_AUTHOR = 'El peticionario';

export type WithdrawalOutcome =
	| { ok: true; radicado: string; at: string }
	| { ok: false; code: 'no_encontrado' | 'solicitud_atendida' | 'conflicto_id' };

/**
 * Withdraws the request behind `radicado` + `pin`. An unknown radicado and a wrong PIN are the
 * same `no_encontrado`, as in tracking. Callers run it inside `withTrackingLookups`, so PIN
 * guesses count against the same limits.
 */
export async function withdrawRequest(input: {
	radicado: string;
	pin: string;
	clientId: string;
	reason: string;
}): Promise<WithdrawalOutcome> {
	const doc = await findOwnRequest(input.radicado, input.pin);
	if (!doc) return { ok: false, code: 'no_encontrado' };
	const events = await eventsOf(doc.id);
	const again = events.find((e) => e.clientId === input.clientId);
	if (again) return sameWithdrawal(again, doc.radicado);
	if (isSettled(stateOf(doc, events).status)) return { ok: false, code: 'solicitud_atendida' };
	try {
		const { doc: event } = await appendEvent(
			doc,
			{ kind: 'desistimiento', text: input.reason },
			{ by: PETITIONER_AUTHOR },
			{ clientId: input.clientId }
		);
		return { ok: true, radicado: doc.radicado, at: event.at };
	} catch (e) {
		if (e instanceof EventConflict) return { ok: false, code: 'conflicto_id' };
		throw e;
	}
}

/** A form posted again after its answer was lost gets the first answer. */
function sameWithdrawal(event: EventDoc, radicado: string): WithdrawalOutcome {
	return event.kind === 'desistimiento'
		? { ok: true, radicado, at: event.at }
		: { ok: false, code: 'conflicto_id' };
}
