import { bogotaDate } from '$lib/domain/calendar-date';
import { listContent } from '$lib/server/content/repo';
import { requirePlan } from '$lib/server/plan/plan-page';
import { isCommitmentOverdue } from '$lib/domain/compliance';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePlan(locals, url);
	const today = bogotaDate(new Date());
	const meetings = await listContent('reunion-gelt');
	return {
		meetings: meetings
			.sort((a, b) => b.date.localeCompare(a.date))
			.map((r) => ({
				slug: r.slug,
				title: r.title,
				date: r.date,
				place: r.place,
				commitments: r.commitments.length,
				overdue: r.commitments.filter((c) => isCommitmentOverdue(c, today)).length,
				unlinked: r.commitments.filter((c) => !c.activity).length
			}))
	};
};
