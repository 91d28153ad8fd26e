import { fail, redirect } from '@sveltejs/kit';
import { bogotaDate } from '$lib/domain/calendar-date';
import { isCommitmentOverdue } from '$lib/domain/compliance';
import type { ContentDocOf } from '$lib/schemas';
import { formText, refused } from '$lib/server/content/editor-page';
import { meetingValues, readMeetingForm } from '$lib/server/plan/plan-forms';
import { history, planChoices, publishedItem, requirePlan } from '$lib/server/plan/plan-page';
import { publishPlanItem, restorePlanRevision } from '$lib/server/plan/plan-store';
import type { Actions, PageServerLoad } from './$types';

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
	guardar: async ({ locals, url, params, request }) => {
		const user = requirePlan(locals, url);
		const { slug, published } = await publishedItem('reunion-gelt', params.slug);
		const data = await request.formData();
		const doc = published as ContentDocOf<'reunion-gelt'>;
		const form = readMeetingForm(data, slug, bogotaDate(new Date()), doc);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await publishPlanItem(user, 'reunion-gelt', form.input, {
				version: formText(data, 'version')
			});
		} catch (e) {
			return refused(e, { values: form.values });
		}
		redirect(303, `/gestion/plan/reuniones/${slug}?hecho=publicado`);
	},

	restaurar: async ({ locals, url, params, request }) => {
		const user = requirePlan(locals, url);
		const { slug } = await publishedItem('reunion-gelt', params.slug);
		const data = await request.formData();
		try {
			await restorePlanRevision(
				user,
				'reunion-gelt',
				slug,
				formText(data, 'revision'),
				formText(data, 'version')
			);
		} catch (e) {
			return refused(e);
		}
		redirect(303, `/gestion/plan/reuniones/${slug}?hecho=restaurado`);
	}
};
