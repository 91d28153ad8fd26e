import { fail, redirect } from '@sveltejs/kit';
import { bogotaDate } from '$lib/domain/calendar-date';
import { formText, refused } from '$lib/server/content/editor-page';
import { activityValues, readActivityForm } from '$lib/server/plan/plan-forms';
import { history, planChoices, publishedItem, requirePlan } from '$lib/server/plan/plan-page';
import { loadPlan, publishPlanItem, restorePlanRevision } from '$lib/server/plan/plan-store';
import type { ContentDocOf } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePlan(locals, url);
	const { slug, state, published } = await publishedItem('actividad-gelt', params.slug);
	const today = bogotaDate(new Date());
	const [choices, hist, plan] = await Promise.all([
		planChoices(),
		history('actividad-gelt', slug, url),
		loadPlan(today)
	]);
	const doc = published as ContentDocOf<'actividad-gelt'>;
	return {
		slug,
		today,
		values: activityValues(doc),
		activity: doc,
		version: state.version,
		...choices,
		...hist,
		commitments: plan.compliance.commitmentsByActivity.get(slug) ?? []
	};
};

export const actions: Actions = {
	guardar: async ({ locals, url, params, request }) => {
		const user = requirePlan(locals, url);
		const { slug, published } = await publishedItem('actividad-gelt', params.slug);
		const data = await request.formData();
		const doc = published as ContentDocOf<'actividad-gelt'>;
		const form = readActivityForm(data, slug, bogotaDate(new Date()), doc);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await publishPlanItem(user, 'actividad-gelt', form.input, {
				version: formText(data, 'version')
			});
		} catch (e) {
			return refused(e, { values: form.values });
		}
		redirect(303, `/gestion/plan/actividades/${slug}?hecho=publicado`);
	},

	restaurar: async ({ locals, url, params, request }) => {
		const user = requirePlan(locals, url);
		const { slug } = await publishedItem('actividad-gelt', params.slug);
		const data = await request.formData();
		try {
			await restorePlanRevision(
				user,
				'actividad-gelt',
				slug,
				formText(data, 'revision'),
				formText(data, 'version')
			);
		} catch (e) {
			return refused(e);
		}
		redirect(303, `/gestion/plan/actividades/${slug}?hecho=restaurado`);
	}
};
