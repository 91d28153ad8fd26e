import { bogotaDate } from '$lib/domain/calendar-date';
import { isCommitmentOverdue } from '$lib/domain/compliance';
import { meetingValues } from '$lib/forms/plan-values';
import type { ContentDocOf } from '$lib/schemas';
import { readMeetingForm } from '$lib/server/plan/plan-forms';
import { publishAction, restoreAction } from '$lib/server/plan/plan-actions';
import { history, planChoices, publishedItem, requirePlan } from '$lib/server/plan/plan-page';
import type { Actions, PageServerLoad } from './$types';

const BASE = '/gestion/plan/reuniones';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePlan(locals, url);
	const { slug, state, published } = await publishedItem('reunion-gelt', params.slug);
	const doc = published as ContentDocOf<'reunion-gelt'>;
	const today = bogotaDate(new Date());
	const [choices, hist] = await Promise.all([planChoices(), history('reunion-gelt', slug, url)]);
	const meeting = { slug, title: doc.title, date: doc.date };
	return {
		slug,
		values: meetingValues(doc),
		version: state.version,
		commitments: doc.commitments.map((c) => ({
			meeting,
			commitment: c,
			overdue: isCommitmentOverdue(c, today)
		})),
		...choices,
		...hist,
		viewing: hist.viewing
			? {
					publishedAt: hist.viewing.publishedAt,
					values: meetingValues(hist.viewing.input as Partial<ContentDocOf<'reunion-gelt'>>)
				}
			: null
	};
};

export const actions: Actions = {
	guardar: publishAction('reunion-gelt', readMeetingForm, BASE),
	restaurar: restoreAction('reunion-gelt', BASE)
};
