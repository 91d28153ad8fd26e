/**
 * The content workflow against the store. Drafts and revisions live in the back-office
 * database (`gestion`); only publishing writes to `contenido`, the database replicated to
 * every citizen's device, so an unpublished change can never reach a device.
 *
 * Every change carries the version the editor saw (`version`: the draft's `_rev`, or the
 * published document's when there is no draft) and is refused as a conflict when someone else
 * changed the item in between: nobody overwrites a colleague's work without seeing it.
 */
import { bogotaDate } from '$lib/domain/calendar-date';
import {
	mayPropose,
	mayPublish,
	transition,
	type WorkflowAction
} from '$lib/domain/content-workflow';
import { type DraftState } from '$lib/schemas/vocab';
import {
	draftDocSchema,
	contentDocSchema,
	contentId,
	contentInputSchemas,
	draftId,
	revisionDocSchema,
	revisionPrefix,
	publishedContentDocSchema,
	type AttachmentStub,
	type PublishedContentDoc,
	type DraftDoc,
	type ContentDoc,
	type ContentInput,
	type ContentType,
	type RevisionDoc,
	type SessionUser,
	type Who
} from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError, encodeDocId } from '$lib/server/couch/client';
import { inputOf } from './editor-form';
import { PDF_ATTACHMENT, pdfUrl } from './pdf';
import { renderMarkdown } from './render-markdown';
import { contentChanged, getContent } from './repo';

export type WorkflowErrorCode =
	| 'conflicto'
	| 'prohibido'
	| 'estado_invalido'
	| 'borrador_pendiente'
	| 'no_encontrado'
	| 'ya_existe'
	| 'dependencia_invalida'
	| 'referencia_invalida';

export class WorkflowError extends Error {
	constructor(
		readonly code: WorkflowErrorCode,
		readonly detail?: string
	) {
		super(`content workflow: ${code}${detail ? ` (${detail})` : ''}`);
		this.name = 'WorkflowError';
	}
}

type PublishedDoc = PublishedContentDoc;

const whoOf = (user: SessionUser): Who => ({ username: user.username, name: user.name });

/** The current state of an item for the editor: published version, draft, and their version. */
export interface ItemState {
	type: ContentType;
	slug: string;
	published: PublishedDoc | null;
	draft: DraftDoc | null;
	/** The optimistic-lock token the editor must send back with any change. */
	version: string;
	/** Responsible office now (the draft's if any, else the published item's). */
	responsible: string | null;
}

export async function itemState(type: ContentType, slug: string): Promise<ItemState> {
	const [published, draft] = await Promise.all([
		// Read fresh (not the memoised public read): a stale `_rev` would make publishing conflict.
		couch().get(DB.content, contentId(type, slug), publishedContentDocSchema),
		getDraft(type, slug)
	]);
	const responsible =
		(draft?.input.responsible as string | undefined) ?? published?.responsible ?? null;
	return { type, slug, published, draft, version: versionOf(draft, published), responsible };
}

function versionOf(draft: DraftDoc | null, published: PublishedDoc | null): string {
	if (draft?._rev) return `b:${draft._rev}`;
	if (published?._rev) return `p:${published._rev}`;
	return 'nuevo';
}

export async function getDraft(type: ContentType, slug: string): Promise<DraftDoc | null> {
	return couch().get(DB.staff, draftId(type, slug), draftDocSchema);
}

/** Every draft (all types and states): the municipality has hundreds of items, not millions. */
export async function listDrafts(): Promise<DraftDoc[]> {
	return couch().range(DB.staff, 'borrador:', 'borrador:\ufff0', draftDocSchema);
}

/** A published version as the history lists it (what the editor sees, without the body). */
export const revisionRow = (r: RevisionDoc) => ({
	id: r._id,
	publishedAt: r.publishedAt,
	publishedBy: r.publishedBy,
	proposedBy: r.proposedBy ?? null,
	kind: r.kind,
	title: String(r.input.title ?? ''),
	restoredFrom: r.restoredFrom ?? null,
	purged: r.purged ?? null
});

/** An item's published versions, newest first. */
export async function listRevisions(type: ContentType, slug: string): Promise<RevisionDoc[]> {
	const prefix = revisionPrefix(type, slug);
	return (await couch().range(DB.staff, prefix, `${prefix}\ufff0`, revisionDocSchema)).reverse();
}

function check(
	actor: SessionUser,
	state: ItemState,
	action: WorkflowAction,
	newResponsible?: string
): DraftState | 'publicado' | 'sin-borrador' {
	const responsible = state.responsible ?? newResponsible;
	if (!responsible) throw new WorkflowError('prohibido');
	const t = transition(
		actor,
		{ type: state.type, responsible, newResponsible },
		state.draft?.state ?? null,
		action
	);
	if (!t.ok) throw new WorkflowError(t.refusal);
	return t.next;
}

function checkVersion(state: ItemState, version: string) {
	if (state.version !== version) throw new WorkflowError('conflicto');
}

/** Writes a draft doc; a 409 from the store is someone else's change that got in first. */
async function putDraft(doc: DraftDoc): Promise<DraftDoc> {
	try {
		const res = await couch().put(DB.staff, draftDocSchema.parse(doc));
		return { ...doc, _rev: res.rev };
	} catch (e) {
		if (e instanceof CouchError && e.status === 409) throw new WorkflowError('conflicto');
		throw e;
	}
}

async function deleteDraft(draft: DraftDoc): Promise<void> {
	await couch()
		.json(`${DB.staff}/${encodeDocId(draft._id)}?rev=${encodeURIComponent(draft._rev ?? '')}`, {
			method: 'DELETE'
		})
		.catch((e: unknown) => {
			if (e instanceof CouchError && e.status === 409) throw new WorkflowError('conflicto');
			if (!(e instanceof CouchError && e.status === 404)) throw e;
		});
}

async function checkReferences(type: ContentType, input: ContentInput): Promise<void> {
	const ownOffice = type === 'dependencia' && input.responsible === input.slug;
	if (!ownOffice && !(await getContent('dependencia', input.responsible))) {
		throw new WorkflowError('dependencia_invalida', input.responsible);
	}
	if (type === 'dependencia') {
		const institution = (input as ContentInput<'dependencia'>).institution;
		if (!(await getContent('institucion', institution))) {
			throw new WorkflowError('referencia_invalida', `institution: ${institution}`);
		}
	}
	if (type === 'actividad-gelt') {
		const line = (input as ContentInput<'actividad-gelt'>).line;
		if (!(await getContent('linea-gelt', line))) {
			throw new WorkflowError('referencia_invalida', `line: ${line}`);
		}
	}
	if (type === 'reunion-gelt') {
		const linked = (input as ContentInput<'reunion-gelt'>).commitments.flatMap((c) =>
			c.activity ? [c.activity] : []
		);
		for (const activity of new Set(linked)) {
			if (!(await getContent('actividad-gelt', activity))) {
				throw new WorkflowError('referencia_invalida', `activity: ${activity}`);
			}
		}
	}
	if (type === 'formulario') {
		const tramite = (input as ContentInput<'formulario'>).tramite;
		if (tramite && !(await getContent('tramite', tramite))) {
			throw new WorkflowError('referencia_invalida', `tramite: ${tramite}`);
		}
	}
}

/**
 * Creates or changes the draft of an item. `isNew` refuses a slug already in use; `pdf` (normas
 * only) is kept on the draft until it is published.
 */
export async function saveDraft(
	actor: SessionUser,
	type: ContentType,
	input: ContentInput,
	opts: { version: string; isNew?: boolean; pdf?: Buffer; now?: Date }
): Promise<DraftDoc> {
	const now = opts.now ?? new Date();
	const state = await itemState(type, input.slug);
	if (opts.isNew && (state.published || state.draft)) throw new WorkflowError('ya_existe');
	const next = check(actor, state, 'guardar', input.responsible) as DraftState;
	checkVersion(state, opts.version);
	await checkReferences(type, input);
	const stored: Record<string, unknown> = { ...input };
	if (
		type === 'norma' &&
		(opts.pdf || state.draft?._attachments || state.published?._attachments)
	) {
		stored.documentUrl = pdfUrl(input.slug);
	}
	const doc: DraftDoc = {
		_id: draftId(type, input.slug),
		...(state.draft?._rev ? { _rev: state.draft._rev } : {}),
		type: 'borrador',
		contentType: type,
		slug: input.slug,
		state: next,
		input: stored,
		...(state.draft?.baseRev || state.published?._rev
			? { baseRev: state.draft?.baseRev ?? state.published?._rev }
			: {}),
		createdBy: state.draft?.createdBy ?? whoOf(actor),
		createdAt: state.draft?.createdAt ?? now.toISOString(),
		updatedBy: whoOf(actor),
		updatedAt: now.toISOString(),
		...(state.draft?.comment ? { comment: state.draft.comment } : {}),
		...(state.draft?.restoredFrom ? { restoredFrom: state.draft.restoredFrom } : {})
	};
	if (opts.pdf) {
		doc._attachments = {
			[PDF_ATTACHMENT]: { content_type: 'application/pdf', data: opts.pdf.toString('base64') }
		};
	} else if (state.draft?._attachments) {
		doc._attachments = state.draft._attachments;
	}
	return putDraft(doc);
}

/** Moves the draft to review, or back to the author with the reviewer's comment. */
export async function changeDraftState(
	actor: SessionUser,
	type: ContentType,
	slug: string,
	action: 'enviar' | 'devolver',
	opts: { version: string; comment?: string; now?: Date }
): Promise<DraftDoc> {
	const now = opts.now ?? new Date();
	const state = await itemState(type, slug);
	const next = check(actor, state, action) as DraftState;
	checkVersion(state, opts.version);
	const draft = state.draft as DraftDoc;
	const { comment: _old, ...rest } = draft;
	return putDraft({
		...rest,
		state: next,
		updatedBy: whoOf(actor),
		updatedAt: now.toISOString(),
		...(action === 'devolver' && opts.comment
			? { comment: { text: opts.comment, by: whoOf(actor), at: now.toISOString() } }
			: {})
	});
}

/** Drops the draft; the published version (if any) stays as it is. */
export async function discardDraft(
	actor: SessionUser,
	type: ContentType,
	slug: string,
	version: string
): Promise<void> {
	const state = await itemState(type, slug);
	check(actor, state, 'descartar');
	checkVersion(state, version);
	await deleteDraft(state.draft as DraftDoc);
}

/**
 * Publishes the draft: validates it again, renders and sanitises its Markdown, writes the public
 * document (compare-and-set on its `_rev`), records the revision and closes the draft.
 */
export async function publishDraft(
	actor: SessionUser,
	type: ContentType,
	slug: string,
	opts: { version: string; now?: Date }
): Promise<{ doc: ContentDoc; revision: RevisionDoc }> {
	const now = opts.now ?? new Date();
	const state = await itemState(type, slug);
	check(actor, state, 'publicar');
	checkVersion(state, opts.version);
	const draft = state.draft as DraftDoc;
	const today = bogotaDate(now);
	const input = contentInputSchemas[type].parse({
		...draft.input,
		updatedAt: today
	}) as ContentInput;
	await checkReferences(type, input);
	const responsibleName =
		type === 'dependencia' && input.responsible === input.slug
			? input.title
			: ((await getContent('dependencia', input.responsible))?.title ?? input.responsible);

	const published = state.published;
	if (published && !(await listRevisions(type, slug)).length) {
		// The first change through the workflow keeps the version published before it (the seed),
		// so it can be seen and restored like any other.
		await writeRevision({
			type,
			slug,
			input: inputOf(type, published),
			by: { username: 'sistema', name: 'Carga inicial' },
			at: new Date(now.getTime() - 1),
			kind: 'origen',
			documentDigest: published._attachments?.[PDF_ATTACHMENT]?.digest
		});
	}

	const doc = contentDocSchema.parse({
		...input,
		_id: contentId(type, slug),
		type,
		html: renderMarkdown(input.body),
		responsibleName
	});
	const attachments = await attachmentsToPublish(draft, published);
	try {
		await couch().put(DB.content, {
			...doc,
			...(published?._rev ? { _rev: published._rev } : {}),
			...(attachments ? { _attachments: attachments } : {})
		});
	} catch (e) {
		if (e instanceof CouchError && e.status === 409) throw new WorkflowError('conflicto');
		throw e;
	} finally {
		// Even a write whose answer was lost may have been made.
		contentChanged();
	}
	const after = await couch().get(DB.content, contentId(type, slug), publishedContentDocSchema);
	const revision = await writeRevision({
		type,
		slug,
		input: inputOf(type, doc),
		by: whoOf(actor),
		proposedBy: draft.updatedBy,
		at: now,
		kind: 'publicacion',
		restoredFrom: draft.restoredFrom,
		documentDigest: after?._attachments?.[PDF_ATTACHMENT]?.digest
	});
	await deleteDraft(draft).catch((e: unknown) => {
		// Published already; a draft changed in the meantime stays for its author to see.
		if (!(e instanceof WorkflowError)) throw e;
	});
	// The previous version's body leaves the disk too (the gate serves only the current one).
	compactSoon(DB.content);
	return { doc, revision };
}

/**
 * Asks the store to compact `db`: bodies of earlier revisions are removed from disk (CouchDB
 * keeps only their ids). Runs in the background; a failure is logged, the store compacts later
 * by itself (CouchDB's compaction daemon) or at the next call.
 */
function compactSoon(db: string): void {
	couch()
		.json(`${encodeURIComponent(db)}/_compact`, { method: 'POST', body: '{}' })
		.catch((e: unknown) => console.error(`No se pudo compactar ${db}:`, e));
}

/**
 * Removes an earlier version's content from the history because it exposed personal data (a
 * name, a document or phone number an editor had published by mistake). The entry stays, with
 * who removed it, when and why; its content is gone, also from disk (compaction). The current
 * version cannot be removed: publish a corrected one first.
 */
export async function purgeRevision(
	actor: SessionUser,
	type: ContentType,
	slug: string,
	revisionId: string,
	opts: { reason: string; now?: Date }
): Promise<RevisionDoc> {
	const state = await itemState(type, slug);
	if (!state.responsible || !mayPublish(actor, { type, responsible: state.responsible })) {
		throw new WorkflowError('prohibido');
	}
	if (!revisionId.startsWith(revisionPrefix(type, slug))) throw new WorkflowError('no_encontrado');
	const [latest] = await listRevisions(type, slug);
	const revision = await couch().get(DB.staff, revisionId, revisionDocSchema);
	if (!revision) throw new WorkflowError('no_encontrado');
	if (revision.purged || latest?._id === revision._id) throw new WorkflowError('estado_invalido');
	const purged: RevisionDoc = {
		...revision,
		input: {},
		documentDigest: undefined,
		purged: {
			by: whoOf(actor),
			at: (opts.now ?? new Date()).toISOString(),
			reason: opts.reason.trim()
		}
	};
	try {
		await couch().put(DB.staff, revisionDocSchema.parse(purged));
	} catch (e) {
		if (e instanceof CouchError && e.status === 409) throw new WorkflowError('conflicto');
		throw e;
	}
	compactSoon(DB.staff);
	compactSoon(DB.content);
	return purged;
}

/** The PDF to store with the published norma: the draft's new one, else the published stub. */
/** An attachment sent inline (base64) in a write. */
interface NewAttachment {
	content_type: string;
	data: string;
}

async function attachmentsToPublish(
	draft: DraftDoc,
	published: PublishedDoc | null
): Promise<Record<string, AttachmentStub | NewAttachment> | undefined> {
	const drafted = draft._attachments?.[PDF_ATTACHMENT] as AttachmentStub | undefined;
	const current = published?._attachments?.[PDF_ATTACHMENT];
	if (drafted && drafted.digest !== current?.digest) {
		const res = await couch().fetch(
			`${DB.staff}/${encodeDocId(draft._id)}/${PDF_ATTACHMENT}?rev=${encodeURIComponent(draft._rev ?? '')}`,
			{ headers: { accept: 'application/pdf' } }
		);
		if (!res.ok) throw new Error(`No se pudo leer el PDF del borrador: ${res.status}`);
		const data = Buffer.from(await res.arrayBuffer()).toString('base64');
		return { [PDF_ATTACHMENT]: { content_type: 'application/pdf', data } };
	}
	return published?._attachments;
}

async function writeRevision(r: {
	type: ContentType;
	slug: string;
	input: Record<string, unknown>;
	by: Who;
	proposedBy?: Who;
	at: Date;
	kind: RevisionDoc['kind'];
	restoredFrom?: string;
	documentDigest?: string;
}): Promise<RevisionDoc> {
	const doc = revisionDocSchema.parse({
		_id: `${revisionPrefix(r.type, r.slug)}${r.at.toISOString()}`,
		type: 'revision',
		contentType: r.type,
		slug: r.slug,
		input: r.input,
		publishedBy: r.by,
		publishedAt: r.at.toISOString(),
		...(r.proposedBy ? { proposedBy: r.proposedBy } : {}),
		kind: r.kind,
		...(r.restoredFrom ? { restoredFrom: r.restoredFrom } : {}),
		...(r.documentDigest ? { documentDigest: r.documentDigest } : {})
	});
	await couch().put(DB.staff, doc);
	return doc;
}

/**
 * Starts a draft from an earlier revision. Publishing it makes a new revision: history is only
 * ever added to, never rewritten.
 */
export async function restoreRevision(
	actor: SessionUser,
	type: ContentType,
	slug: string,
	revisionId: string,
	opts: { version: string; now?: Date }
): Promise<DraftDoc> {
	const now = opts.now ?? new Date();
	const state = await itemState(type, slug);
	check(actor, state, 'restaurar');
	if (!revisionId.startsWith(revisionPrefix(type, slug))) throw new WorkflowError('no_encontrado');
	const revision = await couch().get(DB.staff, revisionId, revisionDocSchema);
	if (!revision) throw new WorkflowError('no_encontrado');
	if (revision.purged) throw new WorkflowError('estado_invalido');
	// The old version may name another responsible office: the actor must be allowed that too.
	check(actor, state, 'restaurar', String(revision.input.responsible));
	checkVersion(state, opts.version);
	return putDraft({
		_id: draftId(type, slug),
		type: 'borrador',
		contentType: type,
		slug,
		state: 'borrador',
		input: revision.input,
		...(state.published?._rev ? { baseRev: state.published._rev } : {}),
		createdBy: whoOf(actor),
		createdAt: now.toISOString(),
		updatedBy: whoOf(actor),
		updatedAt: now.toISOString(),
		restoredFrom: revision._id
	});
}

/** For the pages: may this official open the item's editor? */
export function mayEdit(actor: SessionUser, state: ItemState): boolean {
	return (
		!!state.responsible && mayPropose(actor, { type: state.type, responsible: state.responsible })
	);
}
