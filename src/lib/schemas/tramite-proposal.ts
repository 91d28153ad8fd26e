/**
 * A proposal for a new trámite or service (the GEL-T pipeline "identificar nuevos trámites"):
 * any back-office account proposes, the GEL-T committee approves, rejects or returns it, and an
 * approved one becomes a draft trámite in the content workflow.
 *
 * Stored in the back-office database (`gestion`, never replicated) as one document per
 * proposal whose `history` is append-only: every change is a compare-and-set on `_rev` that
 * keeps the previous entries and adds one. One document (rather than separate event documents
 * as requests have) because proposals are only changed on the server, a handful of times each,
 * and the status, the data and who did what must be read and changed together: the `_rev` check
 * makes two committee members acting at once see a conflict instead of both succeeding.
 */
import { z } from 'zod';
import { coded, isoDateTimeSchema, lineSchema, slugSchema } from './common';
import { usernameSchema } from './user';

export const PROPOSAL_STATUSES = ['en-revision', 'devuelta', 'aprobada', 'rechazada'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_ACTIONS = [
	'propuesta',
	'reenvio',
	'aprobacion',
	'rechazo',
	'devolucion'
] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export const TIME_KINDS = ['inmediato', 'horas', 'dias-habiles', 'dias-calendario'] as const;
export const CHANNELS = ['presencial', 'en-linea', 'telefonico'] as const;

/** What the proposer writes (the form, validated on the server). */
export const proposalInputSchema = z
	.object({
		/** Generated when the form is shown: the same form sent twice stores one proposal. */
		id: z.uuid(),
		name: lineSchema(200),
		purpose: lineSchema(1000),
		legalBasis: z.array(lineSchema(300)).min(1).max(20),
		requirements: z.array(lineSchema(600)).min(1).max(30),
		cost: z.object({ free: z.boolean(), description: z.string().trim().max(600) }),
		time: z.object({
			kind: z.enum(TIME_KINDS),
			value: z.number().int().min(1).max(365).optional()
		}),
		responsible: slugSchema,
		channels: z.array(z.enum(CHANNELS)).min(1).max(3)
	})
	.strict()
	.refine(
		(p) => p.cost.free || p.cost.description.length > 0,
		coded('requerido', 'describa el costo o marque gratuito', ['cost'])
	)
	.refine(
		(p) => ['inmediato'].includes(p.time.kind) || p.time.value !== undefined,
		coded('requerido', 'indique la cantidad de horas o días', ['time'])
	);
export type ProposalInput = z.infer<typeof proposalInputSchema>;

const who = z.object({ username: usernameSchema, name: lineSchema(160) });

export const proposalEntrySchema = z.object({
	action: z.enum(PROPOSAL_ACTIONS),
	at: isoDateTimeSchema,
	by: who,
	/** Reason of a rejection or what to change when returned. */
	comment: z.string().trim().max(2000).optional()
});
export type ProposalEntry = z.infer<typeof proposalEntrySchema>;

export const proposalId = (id: string) => `propuesta-tramite:${id}`;

export const proposalDocSchema = z.object({
	_id: z.string().regex(/^propuesta-tramite:[0-9a-f-]{36}$/),
	_rev: z.string().optional(),
	type: z.literal('propuesta-tramite'),
	id: z.uuid(),
	input: proposalInputSchema,
	status: z.enum(PROPOSAL_STATUSES),
	proposedBy: who,
	history: z.array(proposalEntrySchema).min(1),
	/** Slug of the draft trámite created on approval. */
	tramite: slugSchema.optional()
});
export type ProposalDoc = z.infer<typeof proposalDocSchema>;
