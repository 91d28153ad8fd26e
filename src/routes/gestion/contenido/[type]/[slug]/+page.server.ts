import { failWith } from '$lib/errors';
import { fail, redirect } from '@sveltejs/kit';
import { bogotaDate } from '$lib/domain/calendar-date';
import { allowedActions } from '$lib/domain/content-workflow';
import { reviewDate } from '$lib/domain/staleness';
import { pathFor } from '$lib/content/paths';
import type { SessionUser } from '$lib/schemas';
import { requirePermission } from '$lib/server/auth/guard';
import { editorValues, readEditorForm } from '$lib/server/content/editor-form';
import {
	refused,
	selectableDependencias,
	slugParam,
	typeParam
} from '$lib/server/content/editor-page';
import { PDF_ATTACHMENT, readPdfUpload } from '$lib/server/content/pdf';
import { text } from '$lib/server/forms/form-data';
import { renderMarkdown } from '$lib/server/content/render-markdown';
import {
	changeDraftState,
	discardDraft,
	itemState,
	listRevisions,
	mayEdit,
	publishDraft,
	purgeRevision,
	restoreRevision,
	revisionRow,
	saveDraft
} from '$lib/server/content/workflow';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'contenido.proponer');
	const type = typeParam(params.type);
	const slug = slugParam(params.slug);
	const state = await itemState(type, slug);
	if (!state.published && !state.draft) {
		failWith('no_encontrado', 'Contenido no encontrado');
	}
	if (!mayEdit(user, state)) failWith('prohibido', 'No autorizado');
	const source = (state.draft?.input ?? state.published) as Record<string, unknown>;
	const values = editorValues(type, source);
	const [revisions, dependencias] = await Promise.all([
		listRevisions(type, slug),
		selectableDependencias(user)
	]);
	const published = state.published;
	const item = { responsible: state.responsible ?? '' };
	// `?ver=<revision id>` shows an earlier version read-only, next to the current one.
	const shown = revisions.find((r) => r._id === url.searchParams.get('ver'));
	const viewing = shown
		? {
				id: shown._id,
				publishedAt: shown.publishedAt,
				values: editorValues(type, shown.input),
				html: renderMarkdown(String(shown.input.body ?? ''))
			}
		: null;
	return {
		type,
		slug,
		values,
		version: state.version,
		preview: renderMarkdown(values.body),
		draft: state.draft
			? {
					state: state.draft.state,
					updatedBy: state.draft.updatedBy,
					updatedAt: state.draft.updatedAt,
					comment: state.draft.comment ?? null,
					restoredFrom: state.draft.restoredFrom ?? null,
					hasPdf: !!state.draft._attachments?.[PDF_ATTACHMENT]
				}
			: null,
		published: published
			? {
					path: pathFor(published),
					updatedAt: published.updatedAt,
					reviewDate: reviewDate(published),
					hasPdf: !!published._attachments?.[PDF_ATTACHMENT]
				}
			: null,
		revisions: revisions.map(revisionRow),
		dependencias,
		viewing,
		actions: allowedActions(user, item, state.draft?.state ?? null)
	};
};

type Event = RequestEvent;

function context(event: Event): {
	user: SessionUser;
	type: ReturnType<typeof typeParam>;
	slug: string;
} {
	const user = requirePermission(event.locals, event.url, 'contenido.proponer');
	return { user, type: typeParam(event.params.type), slug: slugParam(event.params.slug) };
}

/** The version token the form was rendered from, as sent. */
const versionOf = (data: FormData) => text(data, 'version', { trim: false });

const back = (event: Event, done: string) =>
	redirect(303, `/gestion/contenido/${event.params.type}/${event.params.slug}?hecho=${done}`);

export const actions: Actions = {
	guardar: async (event) => {
		const { user, type, slug } = context(event);
		const data = await event.request.formData();
		const form = readEditorForm(type, slug, data, bogotaDate(new Date()));
		const pdf = type === 'norma' ? await readPdfUpload(data.get('documento')) : null;
		const issues = [...(form.ok ? [] : form.issues), ...(pdf && !pdf.ok ? [pdf.issue] : [])];
		if (issues.length || !form.ok) return fail(400, { issues, values: form.values });
		try {
			await saveDraft(user, type, form.input, {
				version: versionOf(data),
				pdf: pdf?.ok ? pdf.bytes : undefined
			});
		} catch (e) {
			return refused(e, { values: form.values });
		}
		back(event, 'guardado');
	},

	'vista-previa': async (event) => {
		const { user, type, slug } = context(event);
		const state = await itemState(type, slug);
		if (!mayEdit(user, state)) failWith('prohibido', 'No autorizado');
		const data = await event.request.formData();
		const form = readEditorForm(type, slug, data, bogotaDate(new Date()));
		// Nothing is stored: the page comes back with the typed values and their rendering.
		return {
			preview: renderMarkdown(form.values.body),
			values: form.values,
			issues: form.ok ? [] : form.issues
		};
	},

	enviar: async (event) => {
		const { user, type, slug } = context(event);
		const data = await event.request.formData();
		try {
			await changeDraftState(user, type, slug, 'enviar', { version: versionOf(data) });
		} catch (e) {
			return refused(e);
		}
		back(event, 'enviado');
	},

	devolver: async (event) => {
		const { user, type, slug } = context(event);
		const data = await event.request.formData();
		const comment = text(data, 'comentario').slice(0, 2000);
		if (!comment) return fail(400, { refusal: 'falta_comentario' });
		try {
			await changeDraftState(user, type, slug, 'devolver', {
				version: versionOf(data),
				comment
			});
		} catch (e) {
			return refused(e);
		}
		back(event, 'devuelto');
	},

	publicar: async (event) => {
		const { user, type, slug } = context(event);
		const data = await event.request.formData();
		try {
			await publishDraft(user, type, slug, { version: versionOf(data) });
		} catch (e) {
			return refused(e);
		}
		back(event, 'publicado');
	},

	descartar: async (event) => {
		const { user, type, slug } = context(event);
		const data = await event.request.formData();
		try {
			await discardDraft(user, type, slug, versionOf(data));
		} catch (e) {
			return refused(e);
		}
		const state = await itemState(type, slug);
		if (!state.published) redirect(303, '/gestion/contenido?hecho=descartado');
		back(event, 'descartado');
	},

	restaurar: async (event) => {
		const { user, type, slug } = context(event);
		const data = await event.request.formData();
		try {
			await restoreRevision(user, type, slug, text(data, 'revision', { trim: false }), {
				version: versionOf(data)
			});
		} catch (e) {
			return refused(e);
		}
		back(event, 'restaurado');
	},

	purgar: async (event) => {
		const { user, type, slug } = context(event);
		const data = await event.request.formData();
		const reason = text(data, 'motivo', { multiline: true });
		if (reason.length < 10) return fail(400, { refusal: 'falta_motivo' });
		try {
			await purgeRevision(user, type, slug, text(data, 'revision', { trim: false }), {
				reason: reason.slice(0, 500)
			});
		} catch (e) {
			return refused(e);
		}
		back(event, 'retirada');
	}
};
