import { loadContent, loadContentList } from '$lib/data/content';
import { bogotaDate } from '$lib/domain/calendar-date';
import { computeCompliance } from '$lib/domain/compliance';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const [{ doc, source }, lines, meetings] = await Promise.all([
		loadContent(fetch, 'actividad-gelt', params.slug),
		loadContentList(fetch, 'linea-gelt'),
		loadContentList(fetch, 'reunion-gelt')
	]);
	const today = bogotaDate(new Date());
	// The committee's commitments feed the plan: those that advance this activity show here.
	const { commitmentsByActivity } = computeCompliance(
		{ lines: [], activities: [], meetings: meetings.items },
		today
	);
	return {
		doc,
		source,
		today,
		line: lines.items.find((l) => l.slug === doc.line) ?? null,
		commitments: commitmentsByActivity.get(doc.slug) ?? []
	};
};
