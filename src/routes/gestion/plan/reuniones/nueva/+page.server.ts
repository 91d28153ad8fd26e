import { fail, redirect } from '@sveltejs/kit';
import { bogotaDate } from '$lib/domain/calendar-date';
import { slugSchema } from '$lib/schemas';
import { formText, refused } from '$lib/server/content/editor-page';
import { meetingValues, readMeetingForm } from '$lib/server/plan/plan-forms';
import { planChoices, RESERVED_SLUGS, requirePlan } from '$lib/server/plan/plan-page';
import { publishPlanItem } from '$lib/server/plan/plan-store';
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
	default: async ({ locals, url, request }) => {
		const user = requirePlan(locals, url);
		const data = await request.formData();
		const slug = formText(data, 'slug').trim();
		const form = readMeetingForm(data, slug, bogotaDate(new Date()));
		const errors = form.ok ? [] : [...form.errors];
		if (!slugSchema.safeParse(slug).success || RESERVED_SLUGS.includes(slug)) {
			errors.unshift({
				field: 'slug',
				message: 'use letras minúsculas sin tildes, números y guiones (ej.: reunion-2027-02).'
			});
		}
		if (errors.length || !form.ok) return fail(400, { errors, values: form.values });
		try {
			await publishPlanItem(user, 'reunion-gelt', form.input, { version: 'nuevo', isNew: true });
		} catch (e) {
			return refused(e, { values: form.values });
		}
		redirect(303, `/gestion/plan/reuniones/${slug}?hecho=publicado`);
	}
};
