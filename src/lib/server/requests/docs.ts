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
 * | `intento:<uuid>`                     | the request's first numbering attempt, immutable       |
 * | `justificacion:PG-2026-000222`       | why a claimed number was never used, signed, immutable |
 */
export const requestDocId = (id: string) => `solicitud:${id}`;
export const claimDocId = (radicado: string) => `radicado:${radicado}`;
export const counterDocId = (series: string) => `contador:${series}`;
export const attemptDocId = (requestId: string) => `intento:${requestId}`;
export const unusedNumberNoteId = (radicado: string) => `justificacion:${radicado}`;

/** First and last possible ids of one request's events, for a range read. */
export function eventRange(requestId: string): [string, string] {
	return [`evento:${requestId}:`, `evento:${requestId}:\ufff0`];
}
