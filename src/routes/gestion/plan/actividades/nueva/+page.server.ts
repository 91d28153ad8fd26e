import { bogotaDate } from '$lib/domain/calendar-date';
import { activityValues } from '$lib/forms/plan-values';
import { slugSchema, type ContentDocOf, type ContentInput, type SessionUser } from '$lib/schemas';
import { inputOf } from '$lib/server/content/editor-form';
import { getContent } from '$lib/server/content/repo';
import { itemState, WorkflowError } from '$lib/server/content/workflow';
import { text } from '$lib/server/forms/form-data';
import { createAction } from '$lib/server/plan/plan-actions';
import { readActivityForm } from '$lib/server/plan/plan-forms';
import { planChoices, requirePlan } from '$lib/server/plan/plan-page';
import { publishPlanItem } from '$lib/server/plan/plan-store';
import type { Actions, PageServerLoad } from './$types';

/** The commitment a new activity comes from (`?reunion=<slug>&compromiso=<id>`), if any. */
async function sourceCommitment(meeting: string, id: string) {
	if (!slugSchema.safeParse(meeting).success || !id) return null;
	const doc = await getContent('reunion-gelt', meeting);
	const commitment = doc?.commitments.find((c) => c.id === id);
	return doc && commitment ? { meeting: doc, commitment } : null;
}

/** Points the commitment at the new activity (a new revision of the meeting). */
async function linkCommitment(
	user: SessionUser,
	from: NonNullable<Awaited<ReturnType<typeof sourceCommitment>>>,
	activity: string
): Promise<boolean> {
	const state = await itemState('reunion-gelt', from.meeting.slug);
	if (!state.published) return false;
	const input = inputOf('reunion-gelt', state.published) as ContentInput<'reunion-gelt'>;
	try {
		await publishPlanItem(
			user,
			'reunion-gelt',
			{
				...input,
				commitments: input.commitments.map((c) =>
					c.id === from.commitment.id ? { ...c, activity } : c
				)
			},
			{ version: state.version }
		);
		return true;
	} catch (e) {
		if (e instanceof WorkflowError) return false;
		throw e;
	}
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePlan(locals, url);
	const today = bogotaDate(new Date());
	const from = await sourceCommitment(
		url.searchParams.get('reunion') ?? '',
		url.searchParams.get('compromiso') ?? ''
	);
	const values = activityValues({
		start: today,
		due: from?.commitment.due ?? today,
		status: 'pendiente',
		progress: 0,
		title: from?.commitment.text ?? '',
		owner: from?.commitment.owner ?? ''
	} as Partial<ContentDocOf<'actividad-gelt'>>);
	return {
		values,
		...(await planChoices()),
		from: from
			? {
					meeting: from.meeting.slug,
					meetingTitle: from.meeting.title,
					id: from.commitment.id,
					text: from.commitment.text
				}
			: null
	};
};

export const actions: Actions = {
	default: createAction(
		'actividad-gelt',
		readActivityForm,
		'/gestion/plan/actividades',
		async (user, data, slug) => {
			// "Crear actividad" from a commitment: the commitment now advances the new activity.
			const from = await sourceCommitment(
				text(data, 'reunion', { trim: false }),
				text(data, 'compromiso', { trim: false })
			);
			// If the meeting changed meanwhile, the activity exists and the link is left to its form.
			if (from && !from.commitment.activity && !(await linkCommitment(user, from, slug))) {
				return 'creada-sin-enlace';
			}
			return 'creada';
		}
	)
};
