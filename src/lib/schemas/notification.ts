/**
 * Notifying the citizen of what the Alcaldía did to their request, through the channel they
 * chose (Ley 1755 de 2015; CPACA art. 56, 67–69). One document per notified event, in the
 * back-office database (`gestion`, never replicated), keyed by the event so an event is notified
 * once: its delivery state, attempts and result are what the official and the citizen see.
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, lineSchema } from './common';
import { LETTER_DELIVERY_WAYS, LETTER_STEPS } from '$lib/domain/letter-delivery';
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

/** E-mail (sent by the server) or a letter (printed and handed over by an official). */
export const NOTIFICATION_CHANNELS = ['correo', 'fisico'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * E-mail: `pendiente` → `enviada`, or `rebotada` (the mail server refused the address for good)
 * or `fallida` (still failing after every retry). Letter: `pendiente` → `impresa` → `entregada`.
 */
export const NOTIFICATION_STATES = [
	'pendiente',
	'enviada',
	'rebotada',
	'fallida',
	'impresa',
	'entregada'
] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

export const notificationDocSchema = z
	.object({
		_id: z.string().regex(/^notificacion:evento:[0-9a-f-]{36}:[0-9A-Za-z:.-]+$/),
		_rev: z.string().optional(),
		type: z.literal('notificacion'),
		channel: z.enum(NOTIFICATION_CHANNELS),
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
		lastError: z.string().max(300).optional(),
		/** A letter: when it was first printed, and by whom (username). */
		printedAt: isoDateTimeSchema.optional(),
		printedBy: lineSchema(60).optional(),
		/** A letter: the Bogotá day it reached the citizen (the day of notification), and how. */
		deliveredOn: isoDateSchema.optional(),
		deliveredVia: z.enum(LETTER_DELIVERY_WAYS).optional(),
		/** A letter: e.g. the certified mail's tracking number, or who received it. */
		deliveryNote: lineSchema(200).optional(),
		/** A letter: who recorded the delivery, and the server's time of the record. */
		recordedBy: lineSchema(60).optional(),
		recordedAt: isoDateTimeSchema.optional()
	})
	.strict();
export type NotificationDoc = z.infer<typeof notificationDocSchema>;

/** What the official's request page shows of a notification. */
export const NOTIFICATION_VIEW_KEYS = [
	'channel',
	'state',
	'attempts',
	'nextAttemptAt',
	'sentAt',
	'lastError',
	'printedAt',
	'printedBy',
	'deliveredOn',
	'deliveredVia',
	'deliveryNote',
	'recordedBy',
	'recordedAt'
] as const satisfies ReadonlyArray<keyof NotificationDoc>;
export type NotificationView = Pick<NotificationDoc, (typeof NOTIFICATION_VIEW_KEYS)[number]>;

/** An official records a letter printed, or handed over (a form of the request page). */
export const letterRecordInputSchema = z
	.object({
		event: z.string().regex(/^evento:[0-9a-f-]{36}:[0-9A-Za-z:.-]+$/),
		step: z.enum(LETTER_STEPS),
		deliveredOn: isoDateSchema.optional(),
		deliveredVia: z.enum(LETTER_DELIVERY_WAYS).optional(),
		deliveryNote: lineSchema(200).optional()
	})
	.strict()
	.superRefine((r, ctx) => {
		if (r.step === 'entregada' && !r.deliveredVia) {
			ctx.addIssue({
				code: 'custom',
				path: ['deliveredVia'],
				message: 'diga cómo se entregó el oficio',
				params: { code: 'requerido' }
			});
		}
	});
export type LetterRecordInput = z.infer<typeof letterRecordInputSchema>;
