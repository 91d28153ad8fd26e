import { bogotaDate } from '$lib/domain/calendar-date';
import { consultaState } from '$lib/domain/consulta-answers';
import { requirePermission } from '$lib/server/auth/guard';
import { listContent } from '$lib/server/content/repo';
import { answerCounts, resultsOf } from '$lib/server/participation/answers';
import type { PageServerLoad } from './$types';

/**
 * Live counts for editors, open consultas included (the public sees results only at close).
 * `?ver=<slug>` adds that consulta's live results.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'contenido.publicar');
	const today = bogotaDate(new Date());
	const [consultas, counts] = await Promise.all([listContent('consulta'), answerCounts()]);
	const selected = consultas.find((c) => c.slug === url.searchParams.get('ver')) ?? null;
	return {
		items: consultas
			.map((c) => ({
				slug: c.slug,
				title: c.title,
				kind: c.kind,
				opensAt: c.opensAt,
				closesAt: c.closesAt,
				state: consultaState(c, today),
				answers: counts.get(c.slug) ?? 0
			}))
			.sort((a, b) => b.closesAt.localeCompare(a.closesAt)),
		selected: selected
			? { slug: selected.slug, title: selected.title, results: await resultsOf(selected) }
			: null
	};
};
