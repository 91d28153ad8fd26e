/**
 * The committee's edits to the GEL-T plan through the content workflow's own storage: every
 * save is a draft published at once (the committee owns the plan, there is no review step), so
 * each change is a revision with who and when, and the published document replicates to every
 * device like any other content. The optimistic lock is the workflow's: a form carries the
 * version it was rendered from and a change made meanwhile by someone else is a `conflicto`.
 */
import { type ContentInput, type SessionUser } from '$lib/schemas';
import type { PlanContentType } from '$lib/domain/content-workflow';
import { computeCompliance } from '$lib/domain/compliance';
import { listContent } from '$lib/server/content/repo';
import {
	discardDraft,
	itemState,
	publishDraft,
	restoreRevision,
	saveDraft,
	WorkflowError
} from '$lib/server/content/workflow';

/** Saves and publishes one plan item; returns its new revision id. */
export async function publishPlanItem<T extends PlanContentType>(
	actor: SessionUser,
	type: T,
	input: ContentInput<T>,
	opts: { version: string; isNew?: boolean; now?: Date }
): Promise<string> {
	const draft = await saveDraft(actor, type, input as ContentInput, opts);
	try {
		const { revision } = await publishDraft(actor, type, input.slug, {
			version: `b:${draft._rev}`,
			now: opts.now
		});
		return revision._id;
	} catch (e) {
		// Someone published in between: the draft would linger unseen in a flow without drafts.
		if (e instanceof WorkflowError && e.code === 'conflicto') {
			const state = await itemState(type, input.slug);
			if (state.draft?._rev === draft._rev) {
				await discardDraft(actor, type, input.slug, state.version).catch(() => {});
			}
		}
		throw e;
	}
}

/** Publishes an earlier revision again, as a new revision: history is only ever added to. */
export async function restorePlanRevision(
	actor: SessionUser,
	type: PlanContentType,
	slug: string,
	revisionId: string,
	version: string
): Promise<void> {
	const draft = await restoreRevision(actor, type, slug, revisionId, { version });
	await publishDraft(actor, type, slug, { version: `b:${draft._rev}` });
}

/** The published plan, its lines in order, and its compliance on `today`. */
export async function loadPlan(today: string) {
	const [lines, activities, meetings] = await Promise.all([
		listContent('linea-gelt'),
		listContent('actividad-gelt'),
		listContent('reunion-gelt')
	]);
	const compliance = computeCompliance({ lines, activities, meetings }, today);
	return { lines, activities, meetings, compliance };
}
