import { PQRSD_TERMS, isPqrsdType } from '$lib/domain/deadlines';
import { listContent } from '$lib/server/content/repo';
import { currentStatistics } from '$lib/server/open-data/datasets';
import type { PageServerLoad } from './$types';

/** The same figures as pqrsd-estadisticas.csv, as tables people can read. */
export const load: PageServerLoad = async () => {
	const [{ stats }, tramites] = await Promise.all([
		currentStatistics(new Date()),
		listContent('tramite')
	]);
	const tramiteTitle = new Map(tramites.map((t) => [t.slug, t.title]));
	return {
		stats,
		typeLabels: Object.fromEntries(
			stats.byType.map((t) => [
				`${t.purpose}:${t.type}`,
				t.purpose === 'pqrsd' && isPqrsdType(t.type)
					? PQRSD_TERMS[t.type].label
					: (tramiteTitle.get(t.type) ?? t.type)
			])
		)
	};
};
