/**
 * The form actions the committee's activity and meeting pages share: publish the edited item,
 * publish an earlier version again, and create a new item. Each answers a form post (no
 * JavaScript needed) with a redirect, or with the issues and the typed values to show again.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { bogotaDate } from '$lib/domain/calendar-date';
import type { FormIssue, FormResult } from '$lib/forms/form-result';
import type { ContentInput, SessionUser } from '$lib/schemas';
import { refused } from '$lib/server/content/editor-page';
import { text } from '$lib/server/forms/form-data';
import { publishedItem, requirePlan, RESERVED_SLUGS } from './plan-page';
import { publishPlanItem, restorePlanRevision } from './plan-store';

/** The plan's types that have a form of their own. */
export type PlanFormType = 'actividad-gelt' | 'reunion-gelt';

/** A form reader of plan-forms.ts. */
export type PlanFormReader<T extends PlanFormType, V> = (
	data: FormData,
	slug: string,
	today: string,
	kept?: Partial<ContentInput<T>>
) => FormResult<ContentInput<T>, V>;

type ItemEvent = Pick<RequestEvent<{ slug: string }>, 'locals' | 'url' | 'params' | 'request'>;
type NewItemEvent = Pick<RequestEvent, 'locals' | 'url' | 'request'>;

/** The version token the form was rendered from, as sent. */
const versionOf = (data: FormData) => text(data, 'version', { trim: false });

/** `?/guardar`: publishes the edited item as a new revision. `base` is the items' list path. */
export function publishAction<T extends PlanFormType, V>(
	type: T,
	read: PlanFormReader<T, V>,
	base: string
) {
	return async ({ locals, url, params, request }: ItemEvent) => {
		const user = requirePlan(locals, url);
		const { slug, published } = await publishedItem(type, params.slug);
		const data = await request.formData();
		const kept = published as unknown as Partial<ContentInput<T>>;
		const form = read(data, slug, bogotaDate(new Date()), kept);
		if (!form.ok) return fail(400, { issues: form.issues, values: form.values });
		try {
			await publishPlanItem(user, type, form.input, { version: versionOf(data) });
		} catch (e) {
			return refused(e, { values: form.values });
		}
		redirect(303, `${base}/${slug}?hecho=publicado`);
	};
}

/** `?/restaurar`: publishes an earlier revision again, as a new one. */
export function restoreAction(type: PlanFormType, base: string) {
	return async ({ locals, url, params, request }: ItemEvent) => {
		const user = requirePlan(locals, url);
		const { slug } = await publishedItem(type, params.slug);
		const data = await request.formData();
		try {
			await restorePlanRevision(
				user,
				type,
				slug,
				text(data, 'revision', { trim: false }),
				versionOf(data)
			);
		} catch (e) {
			return refused(e);
		}
		redirect(303, `${base}/${slug}?hecho=restaurado`);
	};
}

/**
 * The default action of a "nueva" page: creates and publishes the item, then redirects to it
 * with the `?hecho=` notice `created` answers (it may do more, e.g. link a commitment).
 */
export function createAction<T extends PlanFormType, V>(
	type: T,
	read: PlanFormReader<T, V>,
	base: string,
	created: (user: SessionUser, data: FormData, slug: string) => Promise<string>
) {
	return async ({ locals, url, request }: NewItemEvent) => {
		const user = requirePlan(locals, url);
		const data = await request.formData();
		const slug = text(data, 'slug');
		const form = read(data, slug, bogotaDate(new Date()));
		const issues: FormIssue[] = [
			...(RESERVED_SLUGS.includes(slug)
				? [{ path: 'slug', code: 'direccion_reservada' as const }]
				: []),
			...(form.ok ? [] : form.issues)
		];
		if (issues.length || !form.ok) return fail(400, { issues, values: form.values });
		try {
			await publishPlanItem(user, type, form.input, { version: 'nuevo', isNew: true });
		} catch (e) {
			return refused(e, { values: form.values });
		}
		redirect(303, `${base}/${slug}?hecho=${await created(user, data, slug)}`);
	};
}
