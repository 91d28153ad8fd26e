/**
 * Citizens' comments on proyectos de acuerdo and their moderation.
 *
 * - A comment is stored once per client id (`comentario:<proyecto>:<id>`), create-only: the
 *   same comment sent again is answered as before, another under the same id is a conflict.
 * - Its text is cleaned on write (`cleanCommentText`); what the person typed is kept apart,
 *   only when it differs, and only moderators see it.
 * - Moderation is a separate, create-only decision document (`moderacion:<proyecto>:<id>`):
 *   the first decision is final, and a comment is public only with an approval.
 * - New comments are rate-limited per client address; refused or repeated ones cost nothing.
 */
import type { CommentDoc, ModerationDoc } from '$lib/schemas';
import { commentDocSchema, moderationDocSchema } from '$lib/schemas';
import { refusal, type Refusal } from '$lib/errors';
import { createHash } from 'node:crypto';
import { bogotaDate } from '$lib/domain/calendar-date';
import {
	checkCommentText,
	cleanCommentText,
	cleanName,
	commentsOpen,
	commentStatus,
	NAME_MAX,
	type CommentStatus
} from '$lib/domain/comments';
import { DATA_POLICY_VERSION } from '$lib/forms/consent';
import { commentSubmissionSchema, type PublicComment } from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { getContent } from '$lib/server/content/repo';
import { issuesOf } from '$lib/server/http/json-body';
import { KeyedLock } from '$lib/server/util/keyed-lock';
import { canonicalJson } from '$lib/server/util/canonical-json';
import { rates } from '$lib/server/limits/rates';

export type CommentOutcome =
	| { ok: true; status: 200 | 201; receipt: { id: string; status: CommentStatus } }
	| (Refusal & { retryAfter?: number });

const sameComment = new KeyedLock();

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const commentDocId = (proyecto: string, id: string) => `comentario:${proyecto}:${id}`;
const moderationDocId = (proyecto: string, id: string) => `moderacion:${proyecto}:${id}`;

/** Field-level problems, keyed by the form's field names. */
export type CommentFieldErrors = Partial<Record<'texto' | 'nombre' | 'consentimiento', string>>;

/** Stores a citizen's comment as pending. Throws only when the store fails. */
export async function submitComment(
	input: unknown,
	opts: { address: string; now?: () => Date }
): Promise<CommentOutcome> {
	const parsed = commentSubmissionSchema.safeParse(input);
	if (!parsed.success) {
		return refusal('comentario_invalido', {
			issues: issuesOf(parsed.error)
		});
	}
	const body = parsed.data;
	const proyecto = await getContent('proyecto-acuerdo', body.proyecto);
	if (!proyecto) return refusal('no_encontrado');

	const text = cleanCommentText(body.text);
	const name = cleanName(body.name ?? '');
	const fields: Record<string, string> = {};
	const textProblem = checkCommentText(text);
	if (textProblem) fields.texto = textProblem;
	if ([...name].length > NAME_MAX) fields.nombre = 'nombre_largo';
	if (Object.keys(fields).length) {
		return refusal('comentario_invalido', { fields });
	}
	if (name && !body.consent) {
		return refusal('falta_consentimiento', { fields: { consentimiento: 'falta_consentimiento' } });
	}
	const hash = sha256(
		canonicalJson({
			proyecto: proyecto.slug,
			text: body.text,
			name: body.name ?? '',
			consent: !!body.consent
		})
	);
	const docId = commentDocId(proyecto.slug, body.id);
	const now = opts.now ?? (() => new Date());
	return sameComment.run(docId, async () => {
		const client = couch();
		const existing = await client.get(DB.participation, docId, commentDocSchema);
		if (existing) return replayOrConflict(existing, hash);
		if (!commentsOpen(proyecto, bogotaDate(now()))) {
			return refusal('comentarios_cerrados');
		}
		const { wait } = await rates().commentsByAddress.take(opts.address);
		if (wait) {
			return { ...refusal('demasiados_intentos'), retryAfter: wait };
		}
		const receivedAt = now().toISOString();
		const doc: CommentDoc = {
			_id: docId,
			type: 'comentario',
			proyecto: proyecto.slug,
			clientId: body.id,
			text,
			...(text !== body.text ? { original: body.text } : {}),
			...(name
				? {
						name,
						consent: { accepted: true, policyVersion: DATA_POLICY_VERSION, acceptedAt: receivedAt }
					}
				: {}),
			payloadHash: hash,
			receivedAt
		};
		try {
			await client.put(DB.participation, doc);
		} catch (e) {
			if (!(e instanceof CouchError && e.status === 409)) throw e;
			const winner = await client.get(DB.participation, docId, commentDocSchema);
			if (!winner) throw e;
			return replayOrConflict(winner, hash);
		}
		return { ok: true, status: 201, receipt: { id: body.id, status: 'pendiente' } };
	});
}

async function replayOrConflict(existing: CommentDoc, hash: string): Promise<CommentOutcome> {
	if (existing.payloadHash !== hash) {
		return refusal('conflicto_id');
	}
	const decision = await couch().get(
		DB.participation,
		moderationDocId(existing.proyecto, existing.clientId),
		moderationDocSchema
	);
	return {
		ok: true,
		status: 200,
		receipt: { id: existing.clientId, status: commentStatus(decision ?? undefined) }
	};
}

export interface ModeratedComment extends CommentDoc {
	status: CommentStatus;
	decision?: ModerationDoc;
}

/** Comments with their status; of one proposal, or of all when `proyecto` is omitted. */
export async function listComments(proyecto?: string): Promise<ModeratedComment[]> {
	const key = proyecto ? `${proyecto}:` : '';
	const client = couch();
	const [comments, decisions] = await Promise.all([
		client.range(
			DB.participation,
			`comentario:${key}`,
			`comentario:${key}\ufff0`,
			commentDocSchema
		),
		client.range(
			DB.participation,
			`moderacion:${key}`,
			`moderacion:${key}\ufff0`,
			moderationDocSchema
		)
	]);
	const byId = new Map(decisions.map((d) => [`${d.proyecto}:${d.clientId}`, d]));
	return comments
		.map((c) => {
			const decision = byId.get(`${c.proyecto}:${c.clientId}`);
			return { ...c, status: commentStatus(decision), ...(decision ? { decision } : {}) };
		})
		.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/** The approved comments of a proposal, oldest first, as the public page shows them. */
export async function publicComments(proyecto: string): Promise<PublicComment[]> {
	return (await listComments(proyecto))
		.filter((c) => c.status === 'aprobado')
		.map((c) => ({ id: c.clientId, name: c.name ?? null, text: c.text, receivedAt: c.receivedAt }));
}

export type ModerationOutcome =
	{ ok: true } | { ok: false; code: 'no_encontrado' | 'ya_moderado' | 'falta_motivo' };

/** Records the (final) decision on a comment. */
export async function moderateComment(input: {
	proyecto: string;
	clientId: string;
	decision: 'aprobado' | 'rechazado';
	reason?: string;
	by: string;
	now?: Date;
}): Promise<ModerationOutcome> {
	const reason = cleanName(input.reason ?? '').slice(0, 500);
	if (input.decision === 'rechazado' && !reason) return { ok: false, code: 'falta_motivo' };
	const client = couch();
	const comment = await client.get(
		DB.participation,
		commentDocId(input.proyecto, input.clientId),
		commentDocSchema
	);
	if (!comment) return { ok: false, code: 'no_encontrado' };
	const doc: ModerationDoc = {
		_id: moderationDocId(input.proyecto, input.clientId),
		type: 'moderacion',
		proyecto: input.proyecto,
		clientId: input.clientId,
		decision: input.decision,
		...(input.decision === 'rechazado' ? { reason } : {}),
		by: input.by,
		receivedAt: (input.now ?? new Date()).toISOString()
	};
	try {
		await client.put(DB.participation, doc);
	} catch (e) {
		if (e instanceof CouchError && e.status === 409) return { ok: false, code: 'ya_moderado' };
		throw e;
	}
	return { ok: true };
}
