/**
 * What citizens' devices send to take part: an answer to a consulta and a comment on a
 * proyecto de acuerdo. The shapes only; the rules of each consulta's questions live in
 * `$lib/domain/consulta-respuestas` and the comment's text rules in `$lib/domain/comentarios`.
 */
import { z } from 'zod';
import { slugSchema } from './common';

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
