import { failWith } from '$lib/errors';
import { fail, redirect } from '@sveltejs/kit';
import { bogotaDate } from '$lib/domain/calendar-date';
import { addMonths, DEFAULT_REVIEW_MONTHS } from '$lib/domain/staleness';
import { requirePermission } from '$lib/server/auth/guard';
import { newEditorValues, readEditorForm } from '$lib/server/content/editor-form';
import {
	CREATABLE_TYPES,
	refused,
	selectableDependencias,
	typeParam
} from '$lib/server/content/editor-page';
import { templateFor } from '$lib/server/content/editor-templates';
import { readPdfUpload } from '$lib/server/content/pdf';
import { saveDraft } from '$lib/server/content/workflow';
import { text } from '$lib/server/forms/form-data';
import { onePerPlace, type FormIssue } from '$lib/forms/form-result';
import { checkForm } from '$lib/forms/zod-issues';
import { slugSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

/** Slugs the back-office routes use for themselves. */
const RESERVED = ['nuevo', 'revision'];

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'contenido.proponer');
	const type = typeParam(params.type);
	if (!CREATABLE_TYPES.includes(type)) failWith('no_encontrado', 'No se crea');
	const dependencias = await selectableDependencias(user);
	if (!dependencias.length) failWith('prohibido', 'No autorizado');
	const today = bogotaDate(new Date());
	const values = newEditorValues(type, templateFor(type, today), {
		slug: '',
		title: '',
		summary: '',
		responsible: user.dependencia ?? '',
		reviewBy: addMonths(today, DEFAULT_REVIEW_MONTHS),
		body: ''
	});
	return { type, dependencias, values };
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'contenido.proponer');
		const type = typeParam(params.type);
		if (!CREATABLE_TYPES.includes(type)) failWith('no_encontrado', 'No se crea');
		const data = await request.formData();
		const slug = text(data, 'slug');
		const form = readEditorForm(type, slug, data, bogotaDate(new Date()));
		const pdf = type === 'norma' ? await readPdfUpload(data.get('documento')) : null;
		// The address is checked even when the YAML keeps the reader from checking the rest.
		const address = checkForm(slugSchema, slug, { place: () => 'slug' });
		const issues: FormIssue[] = onePerPlace([
			...(RESERVED.includes(slug) ? [{ path: 'slug', code: 'direccion_reservada' as const }] : []),
			...(address.ok ? [] : address.issues),
			...(form.ok ? [] : form.issues),
			...(pdf && !pdf.ok ? [pdf.issue] : [])
		]);
		if (issues.length || !form.ok) return fail(400, { issues, values: form.values });
		try {
			await saveDraft(user, type, form.input, {
				version: 'nuevo',
				isNew: true,
				pdf: pdf?.ok ? pdf.bytes : undefined
			});
		} catch (e) {
			return refused(e, { values: form.values });
		}
		redirect(303, `/gestion/contenido/${type}/${slug}?hecho=guardado`);
	}
};
