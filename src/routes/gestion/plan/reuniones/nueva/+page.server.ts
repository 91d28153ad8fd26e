import { bogotaDate } from '$lib/domain/calendar-date';
import { meetingValues } from '$lib/forms/plan-values';
import { readMeetingForm } from '$lib/server/plan/plan-forms';
import { createAction } from '$lib/server/plan/plan-actions';
import { planChoices, requirePlan } from '$lib/server/plan/plan-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePlan(locals, url);
	const values = meetingValues({
		date: bogotaDate(new Date()),
		responsible: 'despacho-del-alcalde'
	});
	return { values, ...(await planChoices()) };
};

export const actions: Actions = {
	default: createAction(
		'reunion-gelt',
		readMeetingForm,
		'/gestion/plan/reuniones',
		async () => 'publicado'
	)
};
