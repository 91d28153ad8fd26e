/**
 * Every filed request with its events, folded into its current state, for the back office. Read
 * in two range reads and remembered until the requests database changes, so paging and
 * filtering an inbox of thousands costs no store round trip per view.
 */
import { eventDocSchema, requestDocSchema, type EventDoc, type RequestDoc } from '$lib/schemas';
import { sortEvents, type RequestState } from '$lib/domain/request-state';
import type { RequestScope } from '$lib/domain/permissions';
import type { BusinessCalendar } from '$lib/domain/business-days';
import { couch, DB } from '$lib/server/couch';
import { getContent } from '$lib/server/content/repo';
import { stateOf } from '$lib/server/requests/events';

export interface StoredRequest {
	doc: RequestDoc;
	events: EventDoc[];
	state: RequestState;
	scope: RequestScope;
}

let memo: { seq: string; value: Promise<Map<string, StoredRequest>> } | undefined;

/** All requests by radicado, current as of the requests database's latest change. */
export async function allRequests(): Promise<Map<string, StoredRequest>> {
	return (await requestsSnapshot()).requests;
}

/**
 * All requests and the `update_seq` read before them: every change up to `seq` is in
 * `requests` (later ones may be too, which only means they are sent twice).
 */
export async function requestsSnapshot(): Promise<{
	seq: string;
	requests: Map<string, StoredRequest>;
}> {
	const seq = String((await couch().info(DB.requests)).update_seq);
	if (memo?.seq !== seq) {
		const value = readAll();
		memo = { seq, value };
		value.catch(() => {
			if (memo?.value === value) memo = undefined;
		});
	}
	return { seq, requests: await memo.value };
}

async function readAll(): Promise<Map<string, StoredRequest>> {
	const [docs, events] = await Promise.all([
		couch().range(DB.requests, 'solicitud:', 'solicitud:\ufff0', requestDocSchema),
		couch().range(DB.requests, 'evento:', 'evento:\ufff0', eventDocSchema)
	]);
	const byRequest = new Map<string, EventDoc[]>();
	for (const e of events) {
		const list = byRequest.get(e.solicitud) ?? [];
		list.push(e);
		byRequest.set(e.solicitud, list);
	}
	const out = new Map<string, StoredRequest>();
	for (const doc of docs) {
		const evs = sortEvents(byRequest.get(doc.id) ?? []);
		const state = stateOf(doc, evs);
		out.set(doc.radicado, { doc, events: evs, state, scope: scopeOf(doc, state) });
	}
	return out;
}

export function scopeOf(doc: RequestDoc, state: RequestState): RequestScope {
	return {
		dependencia: state.dependencia,
		...(state.assignee ? { assignee: state.assignee } : {}),
		...(doc.capture ? { capturedBy: doc.capture.by } : {})
	};
}

/** Días hábiles of the municipality: national holidays plus its closure days. */
export async function municipalCalendar(): Promise<BusinessCalendar> {
	const sitio = await getContent('sitio', 'sitio');
	return { closures: sitio?.closures ?? [] };
}
