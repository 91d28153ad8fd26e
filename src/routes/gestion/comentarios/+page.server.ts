import { fail } from '@sveltejs/kit';
import { slugSchema } from '$lib/schemas';
import { requirePermission } from '$lib/server/auth/guard';
import { listContent } from '$lib/server/content/repo';
import { postedForm, text } from '$lib/server/forms/form-data';
import { listComments, moderateComment } from '$lib/server/participation/comments';
import type { Actions, PageServerLoad } from './$types';

/** Moderation of citizens' comments: pending first, then the decided ones. */
export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'contenido.publicar');
	const [comments, proyectos] = await Promise.all([
		listComments(),
		listContent('proyecto-acuerdo')
	]);
	const titles = new Map(proyectos.map((p) => [p.slug, p.title]));
	const view = comments.map((c) => ({
		proyecto: c.proyecto,
		proyectoTitle: titles.get(c.proyecto) ?? c.proyecto,
		clientId: c.clientId,
		text: c.text,
		original: c.original ?? null,
		name: c.name ?? null,
		receivedAt: c.receivedAt,
		status: c.status,
		reason: c.decision?.reason ?? null,
		by: c.decision?.by ?? null
	}));
	return {
		pending: view.filter((c) => c.status === 'pendiente'),
		decided: view.filter((c) => c.status !== 'pendiente').reverse()
	};
};

async function decide(
	locals: App.Locals,
	url: URL,
	request: Request,
	decision: 'aprobado' | 'rechazado'
) {
	const user = requirePermission(locals, url, 'contenido.publicar');
	const form = await postedForm(request);
	const proyecto = slugSchema.safeParse(text(form, 'proyecto', { trim: false }));
	const clientId = text(form, 'clientId', { trim: false });
	if (!proyecto.success || !/^[0-9a-f-]{36}$/.test(clientId)) {
		return fail(400, { code: 'no_encontrado', clientId });
	}
	const outcome = await moderateComment({
		proyecto: proyecto.data,
		clientId,
		decision,
		reason: text(form, 'motivo', { trim: false }),
		by: user.username
	});
	if (!outcome.ok)
		return fail(outcome.code === 'no_encontrado' ? 404 : 400, { code: outcome.code, clientId });
	return { done: decision, clientId };
}

export const actions: Actions = {
	aprobar: ({ locals, url, request }) => decide(locals, url, request, 'aprobado'),
	rechazar: ({ locals, url, request }) => decide(locals, url, request, 'rechazado')
};
