/**
 * Attachments sent ahead of their request in pieces (`$lib/server/requests/staged-uploads`,
 * `$lib/outbox/attachment-pieces`). Apart from `request.ts`, which every page's frame loads:
 * these schemas are only needed when a request is sent or received.
 */
import { z } from 'zod';
import { UPLOAD_PIECE_CHARS } from '$lib/policy';
import { isoDateTimeSchema } from './common';
import { attachmentSchema } from './request';

/**
 * An attachment of a filing whose bytes were sent ahead in pieces (`/api/solicitudes/adjuntos`,
 * `UPLOAD_PIECE_CHARS` base64 characters each): the server puts the pieces back together
 * into `data` before anything else sees the request, so the request filed is the same as if
 * the attachment had come inline.
 */
export const uploadedAttachmentSchema = attachmentSchema
	.omit({ data: true })
	.extend({ uploaded: z.literal(true) })
	.strict();
export type UploadedAttachment = z.infer<typeof uploadedAttachmentSchema>;

/** One piece of an attachment sent ahead: base64 text, a multiple of 4 characters long. */
export const attachmentPieceSchema = z
	.object({
		data: z
			.string()
			.min(4)
			.max(UPLOAD_PIECE_CHARS)
			.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'trozo no es base64')
			.refine((d) => d.length % 4 === 0, 'trozo de longitud inválida')
	})
	.strict();

/** A piece as the server keeps it until its request is filed (`adjuntos` database). */
export const stagedPieceDocSchema = z.object({
	_id: z.string(),
	_rev: z.string().optional(),
	data: z.string(),
	/** When it arrived (server time, ISO): pieces of a request that never came are swept. */
	at: isoDateTimeSchema
});
export type StagedPieceDoc = z.infer<typeof stagedPieceDocSchema>;

/** How many pieces of `UPLOAD_PIECE_CHARS` the base64 text of `size` bytes makes. */
export const piecesOf = (size: number) => Math.ceil((Math.ceil(size / 3) * 4) / UPLOAD_PIECE_CHARS);
