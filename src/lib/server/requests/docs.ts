/**
 * Documents of the `solicitudes` database and their ids. Ids are typed prefixes so one range
 * read on `_all_docs` gets one kind (`solicitud:`), one request's events
 * (`evento:<id>:`) or one year's radicado claims (`radicado:PG-2026-`).
 *
 * | id                                   | what                                                   |
 * | ------------------------------------ | ------------------------------------------------------ |
 * | `solicitud:<uuid>`                   | the filed request, immutable, attachments inline       |
 * | `evento:<uuid>:<clientId>`           | something an official did to it, immutable              |
 * | `radicado:PG-2026-000124`            | claim: this number belongs to that request, immutable  |
 * | `contador:PG-2026`                   | hint: the last number claimed in the series (mutable)  |
 */
export const requestDocId = (id: string) => `solicitud:${id}`;
export const claimDocId = (radicado: string) => `radicado:${radicado}`;
export const counterDocId = (series: string) => `contador:${series}`;

/** First and last possible ids of one request's events, for a range read. */
export function eventRange(requestId: string): [string, string] {
	return [`evento:${requestId}:`, `evento:${requestId}:\ufff0`];
}

/** A radicado claimed for a request: created once with a create-only PUT, never changed. */
export interface ClaimDoc {
	_id: string;
	_rev?: string;
	type: 'radicado';
	radicado: string;
	series: string;
	number: number;
	/** Id of the request the number was given to. */
	solicitud: string;
	/** When the number was claimed (ISO instant). */
	at: string;
}

/** Best-effort hint of the last number claimed in a series; never trusted without checking. */
export interface CounterDoc {
	_id: string;
	_rev?: string;
	type: 'contador';
	series: string;
	last: number;
	updatedAt: string;
}
