import { requirePermission } from '$lib/server/auth/guard';
import { listContent } from '$lib/server/content/repo';
import { listDrafts } from '$lib/server/content/workflow';
import type { PageServerLoad } from './$types';

/** Drafts sent to review, oldest first: the publishers' queue. */
export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'contenido.publicar');
	const [drafts, dependencias] = await Promise.all([listDrafts(), listContent('dependencia')]);
	const names = new Map(dependencias.map((d) => [d.slug, d.title]));
	return {
		items: drafts
			.filter((d) => d.state === 'en-revision')
			.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
			.map((d) => ({
				type: d.contentType,
				slug: d.slug,
				title: String(d.input.title ?? d.slug),
				responsibleName: names.get(String(d.input.responsible)) ?? String(d.input.responsible),
				updatedBy: d.updatedBy,
				updatedAt: d.updatedAt
			}))
	};
};
