/**
 * Attachments sent ahead of their request in pieces, so that a link dropping at 90 % of a photo
 * costs the piece in flight, not the photo (#16). The device stores each piece (`putPiece`)
 * under the attachment's own id — a random UUID only that device knows — asks how many arrived
 * after a cut (`piecesReceived`), then files the request naming the attachment instead of
 * carrying it (`uploadedAttachmentSchema`). `withUploadedAttachments` puts the pieces back
 * together before anything else reads the request, so validation, the idempotency fingerprint
 * and the stored document are exactly those of the same request sent inline.
 *
 * Pieces live in the store every app server shares (`DB.uploads`), so a device may send them
 * through one server and file through another; at most `STAGED_PIECES_MAX` of them wait there
 * at once, from every device together. Once a request is filed they are deleted
 * (`discardPieces`); those of a request that never arrives are swept after
 * `LIMITS.stagedUploadHours` (`sweepStagedUploads`, run by the housekeeping timer).
 */
import { z } from 'zod';
import { refusal, type Refusal } from '$lib/errors';
import { LIMITS } from '$lib/policy';
import {
	attachmentPieceSchema,
	piecesOf,
	stagedPieceDocSchema,
	uploadedAttachmentSchema,
	type StagedPieceDoc
} from '$lib/schemas/attachment-piece';
import { couch, DB } from '$lib/server/couch';
import { CouchError, encodeDocId } from '$lib/server/couch/client';
import { config } from '$lib/server/config';
import { requestDocId } from './docs';
import { MAX_ATTACHMENT_BYTES } from '$lib/schemas/content';
import { MAX_ATTACHMENTS } from '$lib/schemas/request';

/** Most pieces one attachment can have: the largest attachment's base64, in pieces. */
const MAX_PIECES = piecesOf(MAX_ATTACHMENT_BYTES);

const pieceId = (attachment: string, n: number) =>
	`trozo:${attachment}:${String(n).padStart(4, '0')}`;
const piecesRange = (attachment: string): [string, string] => [
	`trozo:${attachment}:`,
	`trozo:${attachment}:\ufff0`
];

export const attachmentIdSchema = z.uuid();
export const pieceNumberSchema = z.coerce
	.number()
	.int()
	.min(0)
	.max(MAX_PIECES - 1);

/**
 * Stores piece `n` of attachment `attachment`. Idempotent: the same piece again is accepted,
 * also once the store holds `STAGED_PIECES_MAX` (a new piece is `adjuntos_en_espera_llenos`
 * then); other bytes under a number already stored are `conflicto_id` (nothing is replaced).
 */
export async function putPiece(
	attachment: string,
	n: number,
	body: unknown,
	now = new Date()
): Promise<
	{ ok: true } | Refusal<'trozo_invalido' | 'conflicto_id' | 'adjuntos_en_espera_llenos'>
> {
	const parsed = attachmentPieceSchema.safeParse(body);
	if (!parsed.success) return refusal('trozo_invalido');
	const { data } = parsed.data;
	// Read per piece (one small request beside a 96 KB write): pieces arriving at the same
	// moment on several servers may pass it together, by at most one each.
	const { doc_count: waiting } = await couch().info(DB.uploads);
	const full = waiting >= config().STAGED_PIECES_MAX;
	const doc: StagedPieceDoc = { _id: pieceId(attachment, n), data, at: now.toISOString() };
	if (!full) {
		try {
			await couch().put(DB.uploads, doc);
			return { ok: true };
		} catch (e) {
			if (!(e instanceof CouchError) || e.status !== 409) throw e;
		}
	}
	const stored = await couch().get(DB.uploads, doc._id, stagedPieceDocSchema);
	if (stored) return stored.data === data ? { ok: true } : refusal('conflicto_id');
	return refusal('adjuntos_en_espera_llenos');
}

/** How many pieces of `attachment` the server holds in a row from the first (0 when none). */
export async function piecesReceived(attachment: string): Promise<number> {
	const pieces = await storedPieces(attachment);
	let n = 0;
	while (pieces.has(n)) n++;
	return n;
}

async function storedPieces(attachment: string): Promise<Map<number, string>> {
	const [from, to] = piecesRange(attachment);
	const docs = await couch().range(DB.uploads, from, to, stagedPieceDocSchema);
	return new Map(docs.map((d) => [Number(d._id.slice(from.length)), d.data]));
}

/** An attachment named by a filing whose pieces have not all arrived. */
interface MissingPieces {
	id: string;
	/** Pieces held in a row from the first: the device sends the rest from there. */
	received: number;
	expected: number;
}

/**
 * The filing body with every attachment sent ahead replaced by the same attachment inline,
 * or `adjunto_incompleto` naming the attachments still missing pieces. Bodies that are not a
 * filing, or name no such attachment, come back as they are (validation comes after).
 */
export async function withUploadedAttachments(
	body: unknown
): Promise<
	| { ok: true; body: unknown; uploaded: string[] }
	| Refusal<'adjunto_incompleto' | 'adjunto_invalido'>
> {
	const attachments = (body as { attachments?: unknown } | null)?.attachments;
	// More attachments than a request may have: validation refuses it, with no store read here.
	if (!Array.isArray(attachments) || attachments.length > MAX_ATTACHMENTS) {
		return { ok: true, body, uploaded: [] };
	}
	const named = attachments.map((a) =>
		(a as { uploaded?: unknown } | null)?.uploaded === undefined
			? null
			: uploadedAttachmentSchema.safeParse(a)
	);
	if (named.every((n) => n === null)) return { ok: true, body, uploaded: [] };
	if (named.some((n) => n !== null && !n.success)) return refusal('adjunto_invalido');

	const missing: MissingPieces[] = [];
	const inline = await Promise.all(
		attachments.map(async (a, i) => {
			const ref = named[i];
			if (!ref?.success) return a;
			const { uploaded: _u, ...meta } = ref.data;
			const expected = piecesOf(meta.size);
			const pieces = await storedPieces(meta.id);
			const parts: string[] = [];
			for (let n = 0; n < expected && pieces.has(n); n++) parts.push(pieces.get(n) as string);
			if (parts.length === expected) return { ...meta, data: parts.join('') };
			// The pieces go once their request is filed: a device repeating the filing (its
			// answer was lost) names an attachment the filed request already holds.
			const filed = await filedAttachment((body as { id?: unknown }).id, meta.id);
			if (filed !== null) return { ...meta, data: filed };
			missing.push({ id: meta.id, received: parts.length, expected });
			return a;
		})
	);
	if (missing.length) return refusal('adjunto_incompleto', { missing });
	const uploaded = named.flatMap((n) => (n?.success ? [n.data.id] : []));
	return { ok: true, body: { ...(body as object), attachments: inline }, uploaded };
}

/** Base64 of attachment `attachment` of the filed request `requestId`, or null. */
async function filedAttachment(requestId: unknown, attachment: string): Promise<string | null> {
	if (!attachmentIdSchema.safeParse(requestId).success) return null;
	const res = await couch().fetch(
		`${DB.requests}/${encodeDocId(requestDocId(requestId as string))}/${encodeURIComponent(attachment)}`,
		{ headers: { accept: '*/*' } }
	);
	if (res.status === 404) return null;
	if (!res.ok) throw new CouchError(res.status, 'adjunto', await res.text());
	return Buffer.from(await res.arrayBuffer()).toString('base64');
}

/** Deletes the pieces of `attachments` (their request is filed). */
export async function discardPieces(attachments: readonly string[]): Promise<void> {
	for (const attachment of attachments) {
		const [from, to] = piecesRange(attachment);
		await deleteRange(from, to, () => true);
	}
}

/** Deletes the pieces older than `LIMITS.stagedUploadHours`; returns how many. */
export async function sweepStagedUploads(now = Date.now()): Promise<number> {
	const before = new Date(now - LIMITS.stagedUploadHours * 3_600_000).toISOString();
	return deleteRange('trozo:', 'trozo:\ufff0', (doc) => doc.at < before);
}

const SWEEP_BATCH = 200;

async function deleteRange(
	from: string,
	to: string,
	old: (doc: StagedPieceDoc) => boolean
): Promise<number> {
	let deleted = 0;
	let start = from;
	for (;;) {
		const rows = await couch().allDocs(
			DB.uploads,
			{ startkey: start, endkey: to, limit: SWEEP_BATCH + 1 },
			stagedPieceDocSchema
		);
		const batch = rows.slice(0, SWEEP_BATCH);
		const gone = batch.flatMap((r) =>
			r.doc?._rev && old(r.doc) ? [{ _id: r.id, _rev: r.doc._rev, _deleted: true }] : []
		);
		if (gone.length) {
			const results = await couch().bulkDocs(DB.uploads, gone);
			deleted += results.filter((r) => !r.error).length;
		}
		const next = rows[SWEEP_BATCH];
		if (!next) return deleted;
		start = next.id;
	}
}
