/**
 * Proposals for new trámites in the back-office database, and the draft trámite an approval
 * creates. Every change is a compare-and-set on the proposal's `_rev` (the `version` the page
 * showed), so two committee members deciding at once cannot both succeed.
 */
import { bogotaDate } from '$lib/domain/calendar-date';
import {
	maySeeProposal,
	proposalToTramite,
	proposalTransition,
	slugify
} from '$lib/domain/tramite-proposal';
import {
	draftDocSchema,
	contentId,
	contentInputSchemas,
	draftId,
	proposalDocSchema,
	proposalId,
	type ProposalDoc,
	type ProposalInput,
	type SessionUser
} from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError, encodeDocId } from '$lib/server/couch/client';
import { getContent } from '$lib/server/content/repo';

export type ProposalErrorCode = 'conflicto' | 'prohibido' | 'estado_invalido' | 'no_encontrado';

export class ProposalError extends Error {
	constructor(readonly code: ProposalErrorCode) {
		super(`propuesta de trámite: ${code}`);
		this.name = 'ProposalError';
	}
}

const whoOf = (u: SessionUser) => ({ username: u.username, name: u.name });

/**
 * Stores a new proposal. The same form sent again (same id, same data, same person) is the
 * same proposal: it is returned as stored; other data under that id is a conflict.
 */
export async function createProposal(
	actor: SessionUser,
	input: ProposalInput,
	now = new Date()
): Promise<{ doc: ProposalDoc; created: boolean }> {
	const doc = proposalDocSchema.parse({
		_id: proposalId(input.id),
		type: 'propuesta-tramite',
		id: input.id,
		input,
		status: 'en-revision',
		proposedBy: whoOf(actor),
		history: [{ action: 'propuesta', at: now.toISOString(), by: whoOf(actor) }]
	});
	try {
		const res = await couch().put(DB.staff, doc);
		return { doc: { ...doc, _rev: res.rev }, created: true };
	} catch (e) {
		if (!(e instanceof CouchError && e.status === 409)) throw e;
		const stored = await getProposal(input.id);
		const same =
			stored &&
			stored.proposedBy.username === actor.username &&
			// Both parsed by the same schema, so their keys are in the same order.
			JSON.stringify(stored.input) === JSON.stringify(input);
		if (!same) throw new ProposalError('conflicto');
		return { doc: stored, created: false };
	}
}

export async function getProposal(id: string): Promise<ProposalDoc | null> {
	if (!/^[0-9a-f-]{36}$/.test(id)) return null;
	return couch().getIfValid(DB.staff, proposalId(id), proposalDocSchema);
}

/** Proposals `actor` may see (their own; all for the committee), latest change first. */
export async function listProposals(actor: SessionUser): Promise<ProposalDoc[]> {
	const docs = await couch().range(
		DB.staff,
		'propuesta-tramite:',
		'propuesta-tramite:\ufff0',
		proposalDocSchema
	);
	return docs
		.flatMap((d) => {
			return maySeeProposal(actor, { proposedBy: d.proposedBy.username }) ? [d] : [];
		})
		.sort((a, b) => (lastAt(b) < lastAt(a) ? -1 : 1));
}

export const lastAt = (p: ProposalDoc) => p.history.at(-1)?.at ?? '';

async function putProposal(doc: ProposalDoc): Promise<ProposalDoc> {
	try {
		const res = await couch().put(DB.staff, proposalDocSchema.parse(doc));
		return { ...doc, _rev: res.rev };
	} catch (e) {
		if (e instanceof CouchError && e.status === 409) throw new ProposalError('conflicto');
		throw e;
	}
}

async function current(actor: SessionUser, id: string, version: string): Promise<ProposalDoc> {
	const doc = await getProposal(id);
	if (!doc || !maySeeProposal(actor, { proposedBy: doc.proposedBy.username })) {
		throw new ProposalError('no_encontrado');
	}
	if (doc._rev !== version) throw new ProposalError('conflicto');
	return doc;
}

/** The committee's decision: approve (creating the draft trámite), reject or return. */
export async function decideProposal(
	actor: SessionUser,
	id: string,
	action: 'aprobacion' | 'rechazo' | 'devolucion',
	opts: { version: string; comment?: string; now?: Date }
): Promise<ProposalDoc> {
	const now = opts.now ?? new Date();
	const doc = await current(actor, id, opts.version);
	const t = proposalTransition(actor, { ...doc, proposedBy: doc.proposedBy.username }, action);
	if (!t.ok) throw new ProposalError(t.refusal);
	const entry = {
		action,
		at: now.toISOString(),
		by: whoOf(actor),
		...(opts.comment ? { comment: opts.comment } : {})
	};
	if (action !== 'aprobacion') {
		return putProposal({ ...doc, status: t.next, history: [...doc.history, entry] });
	}
	const draft = await createDraftTramite(actor, doc.input, now);
	try {
		return await putProposal({
			...doc,
			status: t.next,
			tramite: draft.slug,
			history: [...doc.history, entry]
		});
	} catch (e) {
		// Someone else decided first: the draft made for this attempt must not stay behind.
		await couch()
			.json(`${DB.staff}/${encodeDocId(draft.id)}?rev=${encodeURIComponent(draft.rev)}`, {
				method: 'DELETE'
			})
			.catch(() => {});
		throw e;
	}
}

/** The proposer corrects a returned proposal and sends it to the committee again. */
export async function resubmitProposal(
	actor: SessionUser,
	id: string,
	input: ProposalInput,
	opts: { version: string; now?: Date }
): Promise<ProposalDoc> {
	const now = opts.now ?? new Date();
	const doc = await current(actor, id, opts.version);
	const t = proposalTransition(actor, { ...doc, proposedBy: doc.proposedBy.username }, 'reenvio');
	if (!t.ok) throw new ProposalError(t.refusal);
	return putProposal({
		...doc,
		input: { ...input, id: doc.id },
		status: t.next,
		history: [...doc.history, { action: 'reenvio', at: now.toISOString(), by: whoOf(actor) }]
	});
}

/**
 * Writes the draft trámite (state `borrador` of the content workflow) under the first free
 * slug: not published and without a draft. The committee member is its author; the office
 * responsible for it then completes it like any draft.
 */
async function createDraftTramite(
	actor: SessionUser,
	input: ProposalInput,
	now: Date
): Promise<{ slug: string; id: string; rev: string }> {
	const [sitio, office] = await Promise.all([
		getContent('sitio', 'sitio'),
		getContent('dependencia', input.responsible)
	]);
	const base = slugify(input.name);
	for (let n = 1; n < 100; n += 1) {
		const slug = n === 1 ? base : `${base}-${n}`;
		if (await couch().exists(DB.content, contentId('tramite', slug))) continue;
		const tramite = contentInputSchemas.tramite.parse(
			proposalToTramite(input, {
				slug,
				today: bogotaDate(now),
				office: {
					name: office?.title ?? input.responsible,
					address: sitio?.address ?? sitio?.entityName ?? 'Alcaldía',
					hours: sitio?.hours ?? 'Horario de atención de la Alcaldía'
				}
			})
		);
		const doc = draftDocSchema.parse({
			_id: draftId('tramite', slug),
			type: 'borrador',
			contentType: 'tramite',
			slug,
			state: 'borrador',
			input: tramite,
			createdBy: whoOf(actor),
			createdAt: now.toISOString(),
			updatedBy: whoOf(actor),
			updatedAt: now.toISOString()
		});
		try {
			const res = await couch().put(DB.staff, doc);
			return { slug, id: doc._id, rev: res.rev };
		} catch (e) {
			if (!(e instanceof CouchError && e.status === 409)) throw e;
		}
	}
	throw new ProposalError('conflicto');
}
