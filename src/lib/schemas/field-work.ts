/**
 * What an official's device exchanges with the server: the list of documents it should hold
 * (`/api/gestion/replica`), the requests as they may leave the server, and the actions it
 * queues offline (`/api/gestion/eventos`).
 */
import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { eventDocSchema, eventInputSchema, radicadoSchema, requestDocSchema } from './request';

/** An official's action queued on their device (possibly offline) and sent later. */
export const queuedActionSchema = z
	.object({
		clientId: z.uuid(),
		radicado: radicadoSchema,
		/** When the official acted on the device. */
		at: isoDateTimeSchema,
		event: eventInputSchema
	})
	.strict();
export type QueuedAction = z.infer<typeof queuedActionSchema>;

/** A request as an official's device holds it: no PIN or payload hashes ever leave the server. */
export const replicaRequestSchema = requestDocSchema.omit({ pinHash: true, payloadHash: true });
export type ReplicaRequest = z.infer<typeof replicaRequestSchema>;

/** Any document of an official's replica: a request or one of its events. */
export const replicaDocSchema = z.union([replicaRequestSchema, eventDocSchema]);
export type ReplicaDoc = z.infer<typeof replicaDocSchema>;

/** One entry of the list of documents an official's device should hold. */
export const replicaEntrySchema = z.object({ id: z.string().min(1), rev: z.string() });
export type ReplicaEntry = z.infer<typeof replicaEntrySchema>;

/** The answer of `/api/gestion/replica`. */
export const replicaIndexSchema = z.object({
	/** `true`: `docs` is everything the device should hold; `false`: only what changed. */
	full: z.boolean(),
	docs: z.array(replicaEntrySchema),
	/** Requests (submission ids) the device must drop with their events (`full: false` only). */
	removed: z.array(z.string()),
	/** What the device sends as `since` next time. */
	next: z.string().min(1).max(2000),
	/** How many entries `docs` holds. */
	total: z.number().int().min(0).optional()
});
export type ReplicaIndex = z.infer<typeof replicaIndexSchema>;

/** The answer of `/api/gestion/replica/_bulk_get` (CouchDB's shape). */
export const replicaBulkGetSchema = z.object({
	results: z.array(
		z.object({
			id: z.string(),
			docs: z.array(
				z.union([
					z.object({ ok: replicaDocSchema }),
					z.object({ error: z.object({ id: z.string(), error: z.string() }) })
				])
			)
		})
	)
});
