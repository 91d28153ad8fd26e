/**
 * What the official's device shows: each replicated request folded with its events and with the
 * actions still queued on the device, so an answer given offline shows at once as pending.
 */
import type { ActionRow } from '$lib/db';
import type { CompletionInput, EventDoc, ReplicaRequest, WithdrawalInput } from '$lib/schemas';
import { foldRequest, type RequestEventLike, type RequestState } from '$lib/domain/request-state';
import { semaforo, type SemaforoReading } from '$lib/domain/semaforo';
import type { BusinessCalendar } from '$lib/domain/business-days';
import type { IsoDate } from '$lib/domain/calendar-date';

export interface WorkEvent {
	/** The server's time (for actions still queued here, this device's). */
	at: string;
	/** When a device recorded it offline, if it was. */
	deviceAt?: string;
	kind: EventDoc['kind'];
	by: string;
	text: string;
	detail?: string;
	/** Taken on this device, not yet on the server. */
	pending: boolean;
	refused?: string;
}

export interface WorkItem {
	request: ReplicaRequest;
	state: RequestState;
	light: SemaforoReading;
	events: WorkEvent[];
	pendingActions: number;
}

/** What an event is about, in a word (who, where, until when, which status). */
const detailOf = (e: ActionRow['event'] | WithdrawalInput | CompletionInput): string | undefined =>
	e.kind === 'asignacion'
		? e.assignee
		: e.kind === 'traslado'
			? e.dependencia
			: e.kind === 'prorroga' || e.kind === 'complemento'
				? e.dueDate
				: e.kind === 'remision'
					? e.entity
					: e.kind === 'estado' || e.kind === 'respuesta'
						? e.status
						: undefined;

export function buildWorkItems(input: {
	docs: Array<ReplicaRequest | EventDoc>;
	actions: ActionRow[];
	today: IsoDate;
	calendar: BusinessCalendar;
	me: string;
}): WorkItem[] {
	const requests = input.docs.filter((d): d is ReplicaRequest => d.type === 'solicitud');
	const events = new Map<string, EventDoc[]>();
	for (const d of input.docs) {
		if (d.type !== 'evento') continue;
		events.set(d.radicado, [...(events.get(d.radicado) ?? []), d]);
	}
	return requests
		.map((request) => {
			const stored = events.get(request.radicado) ?? [];
			const queued = input.actions.filter((a) => a.radicado === request.radicado);
			// Refused actions are shown but do not change the state.
			const applied: RequestEventLike[] = [
				...stored,
				...queued
					.filter((a) => a.state === 'pendiente')
					.map((a) => ({ ...a.event, at: a.at, _id: `local:${a.clientId}` }) as RequestEventLike)
			];
			const state = foldRequest(
				{
					dependencia: request.dependencia,
					dueDate: request.deadline?.dueDate ?? null,
					receivedAt: request.receivedAt
				},
				applied
			);
			const history: WorkEvent[] = [
				...stored.map((e) => ({
					at: e.at,
					...(e.deviceAt ? { deviceAt: e.deviceAt } : {}),
					kind: e.kind,
					by: e.by,
					text: 'text' in e ? e.text : '',
					detail: detailOf(e),
					pending: false
				})),
				...queued.map((a) => ({
					at: a.at,
					kind: a.event.kind,
					by: input.me,
					text: 'text' in a.event ? a.event.text : '',
					detail: detailOf(a.event),
					pending: a.state === 'pendiente',
					...(a.state === 'rechazada' ? { refused: a.lastError ?? 'rechazada' } : {})
				}))
			].sort((a, b) => a.at.localeCompare(b.at));
			return {
				request,
				state,
				light: semaforo(state, input.today, input.calendar),
				events: history,
				pendingActions: queued.filter((a) => a.state === 'pendiente').length
			};
		})
		.sort(
			(a, b) =>
				(a.state.dueDate ?? '9999').localeCompare(b.state.dueDate ?? '9999') ||
				a.request.radicado.localeCompare(b.request.radicado)
		);
}
