import { bogotaDate } from '$lib/domain/calendar-date';
import { activityValues } from '$lib/forms/plan-values';
import { readActivityForm } from '$lib/server/plan/plan-forms';
import { publishAction, restoreAction } from '$lib/server/plan/plan-actions';
import { history, planChoices, publishedItem, requirePlan } from '$lib/server/plan/plan-page';
import { loadPlan } from '$lib/server/plan/plan-store';
import type { ContentDocOf } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

const BASE = '/gestion/plan/actividades';

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
	guardar: publishAction('actividad-gelt', readActivityForm, BASE),
	restaurar: restoreAction('actividad-gelt', BASE)
};
