import { loadContent, loadContentList } from '$lib/data/content';
import { bogotaDate } from '$lib/domain/calendar-date';
import { figuresOf } from '$lib/domain/compliance';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const [{ doc, source }, activities] = await Promise.all([
		loadContent(fetch, 'linea-gelt', params.slug),
		loadContentList(fetch, 'actividad-gelt')
	]);
	const today = bogotaDate(new Date());
	const own = activities.items
		.filter((a) => a.line === doc.slug)
		.sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title, 'es'));
	return { doc, source, today, activities: own, figures: figuresOf(own, today) };
};
