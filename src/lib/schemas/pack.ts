import { z } from 'zod';
import { contentIdSchema } from './content';

/**
 * The offline pack in segments (#16): the public content a first pull needs, cut into files
 * that the server compresses once (Brotli 11) and serves, immutable, to every device. A device
 * stores each segment's documents in its PouchDB replica and then replicates from the plan's
 * sequence on, so the replica stays an ordinary incremental replica of the store.
 */

/** A segment's name: the hash of its uncompressed text (immutable by construction). */
export const packSegmentHashSchema = z.string().regex(/^[A-Za-z0-9_-]{24}$/, 'segmento inválido');

/** One segment as the server's plan keeps it: which documents it holds. */
export const packPlanSegmentSchema = z.object({
	hash: packSegmentHashSchema,
	essentials: z.boolean(),
	ids: z.array(contentIdSchema),
	/** Compressed sizes (bytes), for the manifest. */
	brBytes: z.number().int().nonnegative(),
	gzBytes: z.number().int().nonnegative()
});
export type PackPlanSegment = z.infer<typeof packPlanSegmentSchema>;

/**
 * The plan, one document in the store's `paquete` database shared by every app server: every
 * live content document is in exactly one segment, at its revision as of `seq` or later.
 */
export const packPlanSchema = z.object({
	_id: z.literal('plan'),
	_rev: z.string().optional(),
	seq: z.string().min(1).max(200),
	builtAt: z.string(),
	segments: z.array(packPlanSegmentSchema)
});
export type PackPlan = z.infer<typeof packPlanSchema>;

/** What a device reads first (`GET /api/sync/paquete`). */
export const packManifestSchema = z.object({
	/** Replicate from here once every segment is stored. */
	seq: z.string().min(1).max(200),
	segments: z.array(
		z.object({
			hash: packSegmentHashSchema,
			href: z.string().startsWith('/api/sync/paquete/'),
			essentials: z.boolean(),
			docs: z.number().int().nonnegative(),
			bytes: z.number().int().nonnegative()
		})
	)
});
export type PackManifest = z.infer<typeof packManifestSchema>;

/**
 * What a device remembers of a first pull by segments (a `_local` document of its replica,
 * never replicated): the segments stored so far and the sequence to replicate from, that of the
 * first plan it used (a later plan may have dropped a document a stored segment still holds).
 */
export const packProgressSchema = z.object({
	since: z.string().min(1).max(200),
	applied: z.array(packSegmentHashSchema)
});
export type PackProgress = z.infer<typeof packProgressSchema>;
