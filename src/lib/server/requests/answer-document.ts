/**
 * Documents attached to answers: checked when an official uploads one (size, and the bytes must
 * be a PDF or an image whatever the file name says), and served to the citizen who proves the
 * request is theirs with radicado + PIN.
 */
import { safeFileName } from '$lib/schemas/text';
import { MAX_ANSWER_DOCUMENT_BYTES, type AnswerDocument } from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { sniffType } from './attachments';
import { eventsOf } from './events';
import { findOwnRequest } from './tracking';

export type UploadProblem = 'documento_grande' | 'documento_tipo';

/**
 * Reads an uploaded file into an answer document named `id` (the action's id, so a repeated
 * submission names the same document). Returns null when no file was chosen.
 */
export async function readAnswerDocument(
	file: FormDataEntryValue | null,
	id: string
): Promise<
	| { ok: true; document: AnswerDocument; data: string }
	| { ok: false; problem: UploadProblem }
	| null
> {
	if (!(file instanceof File) || file.size === 0) return null;
	if (file.size > MAX_ANSWER_DOCUMENT_BYTES) return { ok: false, problem: 'documento_grande' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const type = sniffType(bytes);
	if (!type) return { ok: false, problem: 'documento_tipo' };
	const name = safeFileName(file.name, '').slice(0, 200) || 'documento';
	return {
		ok: true,
		document: { id, name, type, size: bytes.length },
		data: Buffer.from(bytes).toString('base64')
	};
}

/**
 * The answer document `documentId` of the request with `radicado`, if `pin` is right; null
 * otherwise (unknown radicado, wrong PIN and unknown document look the same).
 */
export async function openAnswerDocument(
	radicado: string,
	pin: string,
	documentId: string
): Promise<{ document: AnswerDocument; body: ReadableStream<Uint8Array> } | null> {
	const request = await findOwnRequest(radicado, pin);
	if (!request) return null;
	const event = (await eventsOf(request.id)).find(
		(e) => e.kind === 'respuesta' && e.document?.id === documentId
	);
	if (event?.kind !== 'respuesta' || !event.document) return null;
	const res = await couch().fetch(
		`${DB.requests}/${encodeURIComponent(event._id)}/${encodeURIComponent(event.document.id)}`
	);
	if (!res.ok || !res.body) return null;
	return { document: event.document, body: res.body };
}
