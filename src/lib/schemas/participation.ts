/**
 * What citizens' devices send to take part: an answer to a consulta and a comment on a
 * proyecto de acuerdo. The shapes only; the rules of each consulta's questions live in
 * `$lib/domain/consulta-respuestas` and the comment's text rules in `$lib/domain/comentarios`.
 */
import { z } from 'zod';
import { isoDateTimeSchema, slugSchema } from './common';

/**
 * The device's random key: 32 random bytes in base64url (43 characters). The server stores
 * only its SHA-256, which is what makes "one answer per device" without knowing the person.
 */
export const deviceKeySchema = z
	.string()
	.regex(/^[A-Za-z0-9_-]{32,64}$/, 'clave de dispositivo inválida');

export const answerSubmissionSchema = z.strictObject({
	/** Client-generated: the same answer sent again is the same answer. */
	id: z.uuid(),
	deviceKey: deviceKeySchema,
	/** Question id → value; checked against the consulta's questions by the server. */
	answers: z.record(z.string().max(60), z.unknown())
});
export type AnswerSubmission = z.infer<typeof answerSubmissionSchema>;

export const commentSubmissionSchema = z.strictObject({
	id: z.uuid(),
	proyecto: slugSchema,
	/** Raw text as typed; cleaned and length-checked by the server (10–2000 after cleaning). */
	text: z.string().max(8000),
	name: z.string().max(500).optional(),
	/** Ley 1581 consent, required when a name is given. */
	consent: z.boolean().optional()
});
export type CommentSubmission = z.infer<typeof commentSubmissionSchema>;

/** A published (approved) comment as the proposal page shows it. */
export interface PublicComment {
	id: string;
	name: string | null;
	text: string;
	receivedAt: string;
}

/** One value of an answer (checked against the question by `$lib/domain/consulta-answers`). */
export const answerValueSchema = z.union([
	z.string(),
	z.array(z.string()),
	z.number(),
	z.boolean()
]);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * An answer to a consulta as stored (`respuesta:<consulta>:<sha256(device key)>`), immutable:
 * the id makes it one per device.
 */
export const answerDocSchema = z.object({
	_id: z.string().regex(/^respuesta:/),
	_rev: z.string().optional(),
	type: z.literal('respuesta'),
	consulta: slugSchema,
	clientId: z.uuid(),
	answers: z.record(z.string(), answerValueSchema),
	payloadHash: sha256Hex,
	receivedAt: isoDateTimeSchema
});
export type AnswerDoc = z.infer<typeof answerDocSchema>;

/** A comment on a proyecto de acuerdo as stored (`comentario:<proyecto>:<id>`), immutable. */
export const commentDocSchema = z.object({
	_id: z.string().regex(/^comentario:/),
	_rev: z.string().optional(),
	type: z.literal('comentario'),
	proyecto: slugSchema,
	clientId: z.uuid(),
	/** Cleaned text: what the page shows once approved. */
	text: z.string(),
	/** What was typed, when cleaning changed it; for moderators only. */
	original: z.string().optional(),
	name: z.string().optional(),
	consent: z
		.object({
			accepted: z.literal(true),
			policyVersion: z.string(),
			acceptedAt: isoDateTimeSchema
		})
		.optional(),
	payloadHash: sha256Hex,
	receivedAt: isoDateTimeSchema
});
export type CommentDoc = z.infer<typeof commentDocSchema>;

/** The (final) moderation decision on a comment (`moderacion:<proyecto>:<id>`), immutable. */
export const moderationDocSchema = z.object({
	_id: z.string().regex(/^moderacion:/),
	_rev: z.string().optional(),
	type: z.literal('moderacion'),
	proyecto: slugSchema,
	clientId: z.uuid(),
	decision: z.enum(['aprobado', 'rechazado']),
	reason: z.string().optional(),
	by: z.string(),
	receivedAt: isoDateTimeSchema
});
export type ModerationDoc = z.infer<typeof moderationDocSchema>;
