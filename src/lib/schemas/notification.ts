/**
 * Notifying the citizen of what the Alcaldía did to their request, through the channel they
 * chose (Ley 1755 de 2015; CPACA art. 56, 67–69). One document per notified event, in the
 * back-office database (`gestion`, never replicated), keyed by the event so an event is notified
 * once: its delivery state, attempts and result are what the official and the citizen see.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { radicadoSchema } from './request';

/** What the citizen is told of: every answer, extension, forwarding and request to them. */
export const NOTIFIED_KINDS = [
	'respuesta',
	'prorroga',
	'traslado',
	'remision',
	'requerimiento',
	'desistimiento-tacito'
] as const;
export type NotifiedKind = (typeof NOTIFIED_KINDS)[number];

export const NOTIFICATION_STATES = ['pendiente', 'enviada', 'fallida'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

export const notificationDocSchema = z
	.object({
		_id: z.string().regex(/^notificacion:evento:[0-9a-f-]{36}:[0-9A-Za-z:.-]+$/),
		_rev: z.string().optional(),
		type: z.literal('notificacion'),
		channel: z.literal('correo'),
		solicitud: z.uuid(),
		radicado: radicadoSchema,
		/** The notified event's document id. */
		event: z.string().regex(/^evento:/),
		kind: z.enum(NOTIFIED_KINDS),
		state: z.enum(NOTIFICATION_STATES),
		attempts: z.number().int().min(0),
		/** When the next attempt may start (a claim pushes it ahead while a server sends). */
		nextAttemptAt: isoDateTimeSchema,
		createdAt: isoDateTimeSchema,
		/** When the mail server accepted the message. */
		sentAt: isoDateTimeSchema.optional(),
		/** The last failure, in the mail server's words (shown to the official). */
		lastError: z.string().max(300).optional()
	})
	.strict();
export type NotificationDoc = z.infer<typeof notificationDocSchema>;

/** What the official's request page shows of a notification. */
export type NotificationView = Pick<
	NotificationDoc,
	'state' | 'attempts' | 'nextAttemptAt' | 'sentAt' | 'lastError'
>;
