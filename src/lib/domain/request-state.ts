/**
 * The current state of a request is not stored anywhere: it is the fold of its immutable event
 * documents over the filed request. Two officials acting offline on the same request both add
 * events, and both survive; the order of `at` (then id) decides the result the same way on
 * every device and on the server.
 */
import type { RequestStatus } from '$lib/schemas/vocab';
import { bogotaDate, type IsoDate } from './calendar-date';
import { citizenReplyBy } from './completion';

/** The fields of an event document the fold reads. */
export type RequestEventLike =
	| { _id?: string; at: string; kind: 'estado'; status: RequestStatus }
	| {
			_id?: string;
			at: string;
			kind: 'respuesta';
			status: 'respondida' | 'cerrada';
			/** Set when the answer denies information (Ley 1712 art. 18–19). */
			denial?: { scope: 'total' | 'parcial' };
	  }
	| { _id?: string; at: string; kind: 'asignacion'; assignee: string }
	| { _id?: string; at: string; kind: 'traslado'; dependencia: string }
	| { _id?: string; at: string; kind: 'prorroga'; dueDate: IsoDate }
	| { _id?: string; at: string; kind: 'remision'; entity: string }
	| { _id?: string; at: string; kind: 'desistimiento' }
	| { _id?: string; at: string; kind: 'requerimiento'; respondBy?: IsoDate }
	| { _id?: string; at: string; kind: 'complemento'; dueDate?: IsoDate }
	| { _id?: string; at: string; kind: 'desistimiento-tacito' }
	| { _id?: string; at: string; kind: 'nota' };

export interface RequestBase {
	/** Dependencia the request was routed to when filed. */
	dependencia: string | undefined;
	/** Legal due date when filed, or null for trámites without a term in days. */
	dueDate: IsoDate | null;
	receivedAt: string;
}

export interface RequestState {
	status: RequestStatus;
	dependencia: string | undefined;
	assignee: string | undefined;
	/** Due date in force (after an extension, the extended one). */
	dueDate: IsoDate | null;
	/** The due date before any extension. */
	originalDueDate: IsoDate | null;
	extended: boolean;
	/** When the first answer was given, if any. */
	answeredAt: string | undefined;
	/**
	 * The competent entity it was sent to (Ley 1755 art. 21), and when: the Alcaldía's term no
	 * longer runs.
	 */
	remittedTo: { entity: string; at: string } | undefined;
	/** When the citizen withdrew it (Ley 1755 art. 18), if they did. */
	withdrawnAt: string | undefined;
	/**
	 * Asked to complete it (Ley 1755 art. 17) and not yet answered: the term stands still; the
	 * citizen may answer until `respondBy`.
	 */
	awaitingCitizen: { since: string; respondBy: IsoDate } | undefined;
	/** When it was closed as desistimiento tácito (art. 17), if it was. */
	tacitWithdrawalAt: string | undefined;
	lastActivityAt: string;
}

const order = (a: RequestEventLike, b: RequestEventLike) =>
	a.at < b.at ? -1 : a.at > b.at ? 1 : (a._id ?? '') < (b._id ?? '') ? -1 : 1;

/** Sorts a copy of `events` in the order the fold applies them. */
export function sortEvents<T extends RequestEventLike>(events: readonly T[]): T[] {
	return [...events].sort(order);
}

/** The state after applying `events` (any order) to `base`. */
export function foldRequest(base: RequestBase, events: readonly RequestEventLike[]): RequestState {
	const state: RequestState = {
		status: 'radicada',
		dependencia: base.dependencia,
		assignee: undefined,
		dueDate: base.dueDate,
		originalDueDate: base.dueDate,
		extended: false,
		answeredAt: undefined,
		remittedTo: undefined,
		withdrawnAt: undefined,
		awaitingCitizen: undefined,
		tacitWithdrawalAt: undefined,
		lastActivityAt: base.receivedAt
	};
	for (const e of sortEvents(events)) applyEvent(state, e);
	return state;
}

/** Applies one event to `state` in place; also used to show the status after each event. */
export function applyEvent(state: RequestState, e: RequestEventLike): void {
	const startWork = () => {
		if (state.status === 'radicada') state.status = 'en-tramite';
	};
	switch (e.kind) {
		case 'estado':
			state.status = e.status;
			break;
		case 'respuesta':
			state.status = e.status;
			state.answeredAt ??= e.at;
			break;
		case 'asignacion':
			state.assignee = e.assignee;
			startWork();
			break;
		case 'traslado':
			state.dependencia = e.dependencia;
			// The receiving office assigns it again.
			state.assignee = undefined;
			startWork();
			break;
		case 'prorroga':
			state.dueDate = e.dueDate;
			state.extended = true;
			break;
		case 'remision':
			// The competent entity answers now; for the Alcaldía the request is closed.
			state.status = 'cerrada';
			state.remittedTo ??= { entity: e.entity, at: e.at };
			break;
		case 'desistimiento':
			state.status = 'cerrada';
			state.withdrawnAt ??= e.at;
			state.awaitingCitizen = undefined;
			break;
		case 'requerimiento':
			state.awaitingCitizen ??= {
				since: e.at,
				// Set by the server by the request type's rules; one month for older events.
				respondBy: e.respondBy ?? citizenReplyBy(bogotaDate(new Date(e.at)))
			};
			startWork();
			break;
		case 'complemento':
			// The server computed the resumed due date when the citizen answered.
			if (state.awaitingCitizen && e.dueDate) state.dueDate = e.dueDate;
			state.awaitingCitizen = undefined;
			break;
		case 'desistimiento-tacito':
			state.status = 'cerrada';
			state.tacitWithdrawalAt ??= e.at;
			state.awaitingCitizen = undefined;
			break;
		case 'nota':
			break;
	}
	if (e.at > state.lastActivityAt) state.lastActivityAt = e.at;
}

/** True once the request has been answered or closed. */
export const isSettled = (status: RequestStatus) => status === 'respondida' || status === 'cerrada';
