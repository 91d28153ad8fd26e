import { bogotaDate } from '$lib/domain/calendar-date';
import { loadPlan } from '$lib/server/plan/plan-store';
import { requirePlan } from '$lib/server/plan/plan-page';
import type { PageServerLoad } from './$types';

/** The committee's dashboard and the list of activities by line. */
export const load: PageServerLoad = async ({ locals, url }) => {
	requirePlan(locals, url);
	const today = bogotaDate(new Date());
	const { compliance, meetings } = await loadPlan(today);
	return {
		today,
		overall: compliance.overall,
		byPhase: compliance.byPhase,
		byLine: compliance.byLine.map((l) => ({
			line: l.line,
			title: l.title,
			figures: l.figures,
			activities: l.activities.map(stripBody)
		})),
		overdueActivities: compliance.overdueActivities.map(stripBody),
		overdueCommitments: compliance.overdueCommitments,
		meetings: meetings.length
	};
};

/** The list needs no bodies or rendered HTML: keep the page small on the office's link. */
function stripBody<T extends { body: string; html: string }>(a: T): Omit<T, 'body' | 'html'> {
	const { body: _b, html: _h, ...rest } = a;
	return rest;
}
