/**
 * The device's side of attachments sent ahead of their request (`$lib/server/requests/
 * staged-uploads`): a photo larger than one piece (`UPLOAD_PIECE_CHARS` of base64) goes up
 * piece by piece, then the filing names it instead of carrying it. The device records each
 * piece the server confirms, so when the link drops during the upload the next attempt sends
 * only the rest, without asking first (a round trip is seconds on 3G). Should the server have
 * lost pieces meanwhile (`adjunto_incompleto`), the device asks how many it holds and sends
 * the rest at once. A server that does not know the route (404), or holds all the pieces it
 * may from every device (`adjuntos_en_espera_llenos`), gets the request as before, attachments
 * inline.
 */
import { UPLOAD_PIECE_CHARS } from '$lib/policy';
import type { Submission } from '$lib/schemas';
import type { UploadedAttachment } from '$lib/schemas/attachment-piece';
import { sendRequest, type SendResult } from './queue';
import type { Attempt } from './policy';

type Sent = { kind: 'ready'; body: unknown } | Attempt;

const piecesUrl = (id: string) => `/api/solicitudes/adjuntos/${encodeURIComponent(id)}`;

/** Pieces of `data` (base64) when it is sent ahead; 0 when it goes inline with its request. */
const piecesOfText = (data: string) =>
	data.length > UPLOAD_PIECE_CHARS ? Math.ceil(data.length / UPLOAD_PIECE_CHARS) : 0;

/**
 * How far the upload of a queued request's large attachments has gone, for the citizen to see
 * that a retry goes on from there; null when none of them has a piece on the server yet.
 */
export function uploadProgress(
	submission: Submission,
	piecesSent: Readonly<Record<string, number>> = {}
): { sent: number; total: number } | null {
	let sent = 0;
	let total = 0;
	for (const { id, data } of submission.attachments) {
		const pieces = piecesOfText(data);
		total += pieces;
		if (pieces) sent += Math.min(pieces, piecesSent[id] ?? 0);
	}
	return sent > 0 ? { sent, total } : null;
}

/** What the device knows of the pieces it sent, and how it records a new one. */
export interface PiecesProgress {
	/** Pieces the server confirmed, by attachment id. */
	sent: Readonly<Record<string, number>>;
	record(attachment: string, pieces: number): Promise<unknown>;
}

/**
 * Sends ahead every attachment of `submission` larger than one piece, from the pieces `progress`
 * says were confirmed (or, with `ask`, those the server says it holds), and returns the filing's
 * body naming them.
 */
async function sendAttachmentsAhead(
	fetchFn: typeof fetch,
	submission: Submission,
	progress: PiecesProgress,
	ask: boolean
): Promise<Sent> {
	const attachments: Array<Submission['attachments'][number] | UploadedAttachment> = [];
	for (const attachment of submission.attachments) {
		const { data, ...meta } = attachment;
		if (!piecesOfText(data)) {
			attachments.push(attachment);
			continue;
		}
		const sent = await sendPieces(fetchFn, meta.id, data, progress, ask);
		if (sent === 'unsupported') return { kind: 'ready', body: submission };
		if (sent !== 'sent') return sent;
		attachments.push({ ...meta, uploaded: true });
	}
	return { kind: 'ready', body: { ...submission, attachments } };
}

async function sendPieces(
	fetchFn: typeof fetch,
	id: string,
	data: string,
	progress: PiecesProgress,
	ask: boolean
): Promise<'sent' | 'unsupported' | Attempt> {
	let from = progress.sent[id] ?? 0;
	if (ask) {
		const held = await piecesHeld(fetchFn, id);
		if (typeof held !== 'number') return held;
		from = held;
	}
	const size = UPLOAD_PIECE_CHARS;
	for (let n = from; n * size < data.length; n++) {
		const result = await sendRequest(
			fetchFn,
			`${piecesUrl(id)}/${n}`,
			{
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ data: data.slice(n * size, (n + 1) * size) })
			},
			(body) => body
		);
		if (result.kind === 'http' && result.status === 404 && n === from) return 'unsupported';
		if (result.kind === 'http' && result.code === 'adjuntos_en_espera_llenos') {
			return 'unsupported';
		}
		if (result.kind !== 'ok') return result;
		await progress.record(id, n + 1);
	}
	return 'sent';
}

async function piecesHeld(
	fetchFn: typeof fetch,
	id: string
): Promise<number | 'unsupported' | Attempt> {
	const result = await sendRequest(fetchFn, piecesUrl(id), { method: 'GET' }, (body) => {
		const received = (body as { received?: unknown } | null)?.received;
		return typeof received === 'number' && Number.isInteger(received) && received >= 0
			? received
			: null;
	});
	if (result.kind === 'ok') return result.value;
	if (result.kind === 'http' && result.status === 404) return 'unsupported';
	return result;
}

/**
 * Files `submission` with its large attachments sent ahead. A server that lost pieces in the
 * meantime (`adjunto_incompleto`: swept after days offline) gets them again once, at once.
 */
export async function fileWithPieces<Success>(
	fetchFn: typeof fetch,
	submission: Submission,
	progress: PiecesProgress,
	ok: (body: unknown) => Success | null
): Promise<SendResult<Success>> {
	for (let round = 0; round < 2; round++) {
		const prepared = await sendAttachmentsAhead(fetchFn, submission, progress, round > 0);
		if (prepared.kind !== 'ready') return prepared;
		const result = await sendRequest(
			fetchFn,
			'/api/solicitudes',
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(prepared.body)
			},
			ok
		);
		if (result.kind !== 'http' || result.code !== 'adjunto_incompleto') return result;
	}
	// Pieces lost twice in a row: the server is struggling; a later attempt starts over.
	return { kind: 'http', status: 503, code: 'adjunto_incompleto' };
}
