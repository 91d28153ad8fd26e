import { loadContent, loadContentList } from '$lib/data/content';
import { bogotaDate } from '$lib/domain/calendar-date';
import { isCommitmentOverdue } from '$lib/domain/compliance';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const [{ doc, source }, activities] = await Promise.all([
		loadContent(fetch, 'reunion-gelt', params.slug),
		loadContentList(fetch, 'actividad-gelt')
	]);
	const today = bogotaDate(new Date());
	const meeting = { slug: doc.slug, title: doc.title, date: doc.date };
	return {
		doc,
		source,
		commitments: doc.commitments.map((c) => ({
			meeting,
			commitment: c,
			overdue: isCommitmentOverdue(c, today)
		})),
		activityTitles: Object.fromEntries(activities.items.map((a) => [a.slug, a.title]))
	};
};
