/**
 * Documents of the content workflow, kept in the back-office database (`gestion`), never in
 * `contenido`: drafts must not reach citizens' devices. A draft is mutable (CouchDB `_rev` is
 * its optimistic lock); a revision is written once per publication and never changed.
 */
import { z } from 'zod';
import { DRAFT_STATES } from '$lib/schemas/vocab';
import { isoDateTimeSchema, lineSchema, slugSchema } from './common';
import { contentTypeSchema, type ContentType } from './content';
import { usernameSchema } from './user';

export const draftId = (type: ContentType, slug: string) => `borrador:${type}:${slug}`;
export const revisionPrefix = (type: ContentType, slug: string) => `revision:${type}:${slug}:`;

const who = z.object({ username: usernameSchema, name: lineSchema(160) });
export type Who = z.infer<typeof who>;

export const draftDocSchema = z.object({
	_id: z.string().regex(/^borrador:[a-z-]+:[a-z0-9-]+$/),
	_rev: z.string().optional(),
	type: z.literal('borrador'),
	contentType: contentTypeSchema,
	slug: slugSchema,
	state: z.enum(DRAFT_STATES),
	/** The item as the editor wrote it, valid for the type's input schema. */
	input: z.record(z.string(), z.unknown()),
	/** `_rev` of the published document when the draft was started (absent for a new item). */
	baseRev: z.string().optional(),
	createdBy: who,
	createdAt: isoDateTimeSchema,
	updatedBy: who,
	updatedAt: isoDateTimeSchema,
	/** The reviewer's comment when a draft was sent back. */
	comment: z.object({ text: z.string().max(2000), by: who, at: isoDateTimeSchema }).optional(),
	/** Set when the draft was created from an earlier revision. */
	restoredFrom: z.string().optional(),
	/** Attachment stubs (the PDF of a norma waiting to be published). */
	_attachments: z.record(z.string(), z.unknown()).optional()
});
export type DraftDoc = z.infer<typeof draftDocSchema>;

export const revisionDocSchema = z.object({
	_id: z.string().regex(/^revision:[a-z-]+:[a-z0-9-]+:.+$/),
	_rev: z.string().optional(),
	type: z.literal('revision'),
	contentType: contentTypeSchema,
	slug: slugSchema,
	/** The full published input, so any version can be restored. */
	input: z.record(z.string(), z.unknown()),
	publishedBy: who,
	publishedAt: isoDateTimeSchema,
	/** Who proposed the change (the draft's last author). */
	proposedBy: who.optional(),
	/** `origen` marks the version that was published before the workflow existed (the seed). */
	kind: z.enum(['publicacion', 'origen']),
	restoredFrom: z.string().optional(),
	/** Digest of the published PDF, if any (the PDF itself stays on the published document). */
	documentDigest: z.string().optional(),
	/**
	 * The version held personal data published by mistake: its content was removed (`input` is
	 * then empty) and the store compacted; who, when and why stay in the history.
	 */
	purged: z
		.object({ by: who, at: isoDateTimeSchema, reason: z.string().trim().min(10).max(500) })
		.optional()
});
export type RevisionDoc = z.infer<typeof revisionDocSchema>;
