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
		couch().range<unknown>(DB.requests, 'solicitud:', 'solicitud:\ufff0'),
		couch().range<unknown>(DB.requests, 'evento:', 'evento:\ufff0')
	]);
	const byRequest = new Map<string, EventDoc[]>();
	for (const raw of events) {
		const e = eventDocSchema.safeParse(raw);
		if (!e.success) continue;
		const list = byRequest.get(e.data.solicitud) ?? [];
		list.push(e.data);
		byRequest.set(e.data.solicitud, list);
	}
	const out = new Map<string, StoredRequest>();
	for (const raw of docs) {
		const d = requestDocSchema.safeParse(raw);
		if (!d.success) continue;
		const evs = sortEvents(byRequest.get(d.data.id) ?? []);
		const state = stateOf(d.data, evs);
		out.set(d.data.radicado, {
			doc: d.data,
			events: evs,
			state,
			scope: scopeOf(d.data, state)
		});
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
