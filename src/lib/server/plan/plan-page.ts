/**
 * What every committee page of /gestion/plan needs: the guard, the choices its forms offer and
 * an item's published history in the shape the revision table shows.
 */
import { failWith } from '$lib/errors';
import type { PlanContentType } from '$lib/domain/content-workflow';
import type { SessionUser } from '$lib/schemas';
import { requirePermission } from '$lib/server/auth/guard';
import { slugParam } from '$lib/server/content/editor-page';
import { listContent } from '$lib/server/content/repo';
import { itemState, listRevisions, revisionRow } from '$lib/server/content/workflow';

/** Plan pages are the committee's: `plan.gestionar` (comité GEL-T, administrador). */
export const requirePlan = (locals: App.Locals, url: URL): SessionUser =>
	requirePermission(locals, url, 'plan.gestionar');

/** Slugs the back-office routes use for themselves. */
export const RESERVED_SLUGS = ['nueva', 'nuevo'];

/** Lines, dependencias and activities to choose from in the plan's forms. */
export async function planChoices() {
	const [lines, dependencias, activities] = await Promise.all([
		listContent('linea-gelt'),
		listContent('dependencia'),
		listContent('actividad-gelt')
	]);
	return {
		lines: lines.sort((a, b) => a.order - b.order).map((l) => ({ slug: l.slug, title: l.title })),
		dependencias: dependencias.map((d) => ({ slug: d.slug, title: d.title })),
		activities: activities
			.map((a) => ({ slug: a.slug, title: a.title }))
			.sort((a, b) => a.title.localeCompare(b.title, 'es'))
	};
}

/** The published item and its version token, or a 404 page. */
export async function publishedItem<T extends PlanContentType>(type: T, slugValue: string) {
	const slug = slugParam(slugValue);
	const state = await itemState(type, slug);
	if (!state.published) failWith('no_encontrado');
	return { slug, state, published: state.published };
}

/** The published versions, newest first, and the one `?ver=` asks to see, if any. */
export async function history(type: PlanContentType, slug: string, url: URL) {
	const revisions = await listRevisions(type, slug);
	const shown = revisions.find((r) => r._id === url.searchParams.get('ver'));
	return {
		revisions: revisions.map(revisionRow),
		viewing: shown ? { id: shown._id, publishedAt: shown.publishedAt, input: shown.input } : null
	};
}
