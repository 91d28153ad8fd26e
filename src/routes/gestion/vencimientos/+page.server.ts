import { isPlanType } from '$lib/domain/content-workflow';
import { bogotaDate } from '$lib/domain/calendar-date';
import { canProposeContent } from '$lib/domain/permissions';
import { staleByDependencia } from '$lib/domain/staleness';
import { pathFor } from '$lib/content/paths';
import { requirePermission } from '$lib/server/auth/guard';
import { allContent, listContent } from '$lib/server/content/repo';
import type { PageServerLoad } from './$types';

/** "Mantener actualizado": published items past their review date, by dependencia. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'contenido.vencimientos');
	const filter = url.searchParams.get('dependencia') ?? '';
	const today = bogotaDate(new Date());
	const [items, dependencias] = await Promise.all([allContent(), listContent('dependencia')]);
	const names = new Map(dependencias.map((d) => [d.slug, d.title]));
	const groups = staleByDependencia(
		items.filter((i) => !filter || i.responsible === filter),
		today
	);
	return {
		today,
		filter,
		total: groups.reduce((n, g) => n + g.items.length, 0),
		dependencias: dependencias.map((d) => ({ slug: d.slug, title: d.title })),
		groups: groups.map((g) => ({
			responsible: g.responsible,
			name: names.get(g.responsible) ?? g.responsible,
			items: g.items.map(({ item, reviewDate, daysOverdue }) => ({
				type: item.type,
				slug: item.slug,
				title: item.title,
				path: pathFor(item),
				updatedAt: item.updatedAt,
				reviewDate,
				daysOverdue,
				// The plan's items are edited in /gestion/plan, by the committee only.
				editable: !isPlanType(item.type) && canProposeContent(user, item)
			}))
		}))
	};
};
