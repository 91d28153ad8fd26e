import { error, fail, redirect } from '@sveltejs/kit';
import { bogotaDate } from '$lib/domain/calendar-date';
import { addMonths, DEFAULT_REVIEW_MONTHS } from '$lib/domain/staleness';
import { slugSchema } from '$lib/schemas';
import { requirePermission } from '$lib/server/auth/guard';
import { readEditorForm, type EditorValues } from '$lib/server/content/editor-form';
import {
	CREATABLE_TYPES,
	formText,
	refused,
	selectableDependencias,
	typeParam
} from '$lib/server/content/editor-page';
import { templateFor } from '$lib/server/content/editor-templates';
import { readPdfUpload } from '$lib/server/content/pdf';
import { saveDraft } from '$lib/server/content/workflow';
import type { Actions, PageServerLoad } from './$types';

/** Slugs the back-office routes use for themselves. */
const RESERVED = ['nuevo', 'revision'];

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'contenido.proponer');
	const type = typeParam(params.type);
	if (!CREATABLE_TYPES.includes(type)) error(404, { message: 'No se crea', code: 'no_encontrado' });
	const dependencias = await selectableDependencias(user);
	if (!dependencias.length) error(403, { message: 'No autorizado', code: 'prohibido' });
	const today = bogotaDate(new Date());
	const values: EditorValues = {
		slug: '',
		title: '',
		summary: '',
		responsible: user.dependencia ?? '',
		reviewBy: addMonths(today, DEFAULT_REVIEW_MONTHS),
		body: '',
		datos: templateFor(type, today)
	};
	return { type, dependencias, values };
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'contenido.proponer');
		const type = typeParam(params.type);
		if (!CREATABLE_TYPES.includes(type))
			error(404, { message: 'No se crea', code: 'no_encontrado' });
		const data = await request.formData();
		const slug = formText(data, 'slug').trim();
		const form = readEditorForm(type, slug, data, bogotaDate(new Date()));
		const errors = form.ok ? [] : [...form.errors];
		if (!slugSchema.safeParse(slug).success || RESERVED.includes(slug)) {
			errors.unshift(
				'slug: use letras minúsculas sin tildes, números y guiones (ej.: feria-2026).'
			);
		}
		const pdf = type === 'norma' ? await readPdfUpload(data.get('documento')) : null;
		if (pdf && !pdf.ok) errors.push(pdf.error);
		if (errors.length || !form.ok) return fail(400, { errors, values: form.values });
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
