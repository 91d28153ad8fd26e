import { mayPropose } from '$lib/domain/content-workflow';
import { can, canProposeContent } from '$lib/domain/permissions';
import { reviewDate } from '$lib/domain/staleness';
import { contentTypeSchema, type ContentType } from '$lib/schemas';
import { requirePermission } from '$lib/server/auth/guard';
import { CREATABLE_TYPES } from '$lib/server/content/editor-page';
import { allContent, listContent } from '$lib/server/content/repo';
import { listDrafts } from '$lib/server/content/workflow';
import { tokenize } from '$lib/search/normalize';
import type { PageServerLoad } from './$types';

export interface ContentRow {
	type: ContentType;
	slug: string;
	title: string;
	responsible: string;
	state: 'publicado' | 'borrador' | 'en-revision';
	published: boolean;
	updatedAt: string | null;
	reviewDate: string | null;
}

/** Every item the official may work on, published or not, with its workflow state. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'contenido.proponer');
	const typeFilter = contentTypeSchema.safeParse(url.searchParams.get('tipo'));
	const depFilter = url.searchParams.get('dependencia') ?? '';
	const text = (url.searchParams.get('q') ?? '').slice(0, 200);
	const matchesText = textFilter(text);
	const [published, drafts, dependencias] = await Promise.all([
		allContent(),
		listDrafts(),
		listContent('dependencia')
	]);
	const rows = new Map<string, ContentRow>();
	for (const d of published) {
		rows.set(d._id, {
			type: d.type,
			slug: d.slug,
			title: d.title,
			responsible: d.responsible,
			state: 'publicado',
			published: true,
			updatedAt: d.updatedAt,
			reviewDate: reviewDate(d)
		});
	}
	for (const d of drafts) {
		const id = `${d.contentType}:${d.slug}`;
		const existing = rows.get(id);
		rows.set(id, {
			type: d.contentType,
			slug: d.slug,
			title: String(d.input.title ?? d.slug),
			responsible: existing?.responsible ?? String(d.input.responsible ?? ''),
			state: d.state,
			published: !!existing,
			updatedAt: existing?.updatedAt ?? null,
			reviewDate: existing?.reviewDate ?? null
		});
	}
	const names = new Map(dependencias.map((d) => [d.slug, d.title]));
	const visible = [...rows.values()]
		.filter((r) => mayPropose(user, r))
		.filter((r) => !typeFilter.success || r.type === typeFilter.data)
		.filter((r) => !depFilter || r.responsible === depFilter)
		.filter(matchesText)
		.sort((a, b) => a.type.localeCompare(b.type) || a.title.localeCompare(b.title, 'es'))
		.map((r) => ({ ...r, responsibleName: names.get(r.responsible) ?? r.responsible }));
	return {
		rows: visible,
		filters: {
			tipo: typeFilter.success ? typeFilter.data : '',
			dependencia: depFilter,
			q: text
		},
		types: CREATABLE_TYPES,
		dependencias: dependencias
			.filter((d) => canProposeContent(user, { responsible: d.slug }))
			.map((d) => ({ slug: d.slug, title: d.title })),
		canReview: can(user, 'contenido.publicar'),
		pending: drafts.filter((d) => d.state === 'en-revision').length
	};
};

/**
 * Rows whose title or address holds every word typed, ignoring accents and case ("tramite
 * residencia" finds "Certificado de residencia" among the trámites): a filter, not a ranking.
 */
function textFilter(text: string): (row: ContentRow) => boolean {
	const words = tokenize(text);
	if (!words.length) return () => true;
	return (row) => {
		const haystack = tokenize(`${row.title} ${row.slug}`).join(' ');
		return words.every((w) => haystack.includes(w));
	};
}
