import { failWith } from '$lib/errors';
import { fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { maySeeProposal } from '$lib/domain/tramite-proposal';
import { requirePermission, requireUser } from '$lib/server/auth/guard';
import type { FormIssue } from '$lib/forms/form-result';
import { postedForm, text } from '$lib/server/forms/form-data';
import { readProposalForm, valuesOf } from '$lib/server/proposals/form';
import { dependenciaOptions, refusedProposal } from '$lib/server/proposals/page';
import { decideProposal, getProposal, resubmitProposal } from '$lib/server/proposals/store';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const p = await getProposal(params.id);
	if (!p || !maySeeProposal(user, { proposedBy: p.proposedBy.username })) {
		failWith('no_encontrado', 'No existe esa propuesta');
	}
	const dependencias = await dependenciaOptions();
	return {
		proposal: p,
		version: p._rev ?? '',
		responsibleName:
			dependencias.find((d) => d.slug === p.input.responsible)?.title ?? p.input.responsible,
		mayDecide: can(user, 'plan.gestionar') && p.status === 'en-revision',
		mayResubmit: p.status === 'devuelta' && p.proposedBy.username === user.username,
		dependencias,
		values: valuesOf(p.input)
	};
};

/** A committee decision; rejecting and returning need a reason the proposer will read. */
function decision(action: 'aprobacion' | 'rechazo' | 'devolucion', done: string) {
	return async ({ locals, url, params, request }: RequestEvent) => {
		const user = requirePermission(locals, url, 'plan.gestionar');
		const data = await postedForm(request);
		const comment = text(data, 'comment').slice(0, 2000);
		if (action !== 'aprobacion' && !comment) {
			const issues: FormIssue[] = [{ path: 'comment', code: 'requerido' }];
			return fail(400, { action, issues });
		}
		try {
			await decideProposal(user, params.id, action, {
				version: text(data, 'version'),
				...(comment ? { comment } : {})
			});
		} catch (e) {
			return refusedProposal(e, { action });
		}
		redirect(303, `/gestion/propuestas/${params.id}?hecho=${done}`);
	};
}

export const actions: Actions = {
	aprobar: decision('aprobacion', 'aprobada'),
	rechazar: decision('rechazo', 'rechazada'),
	devolver: decision('devolucion', 'devuelta'),
	reenviar: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const deps = await dependenciaOptions();
		const data = await postedForm(request);
		data.set('id', params.id);
		const form = readProposalForm(data, new Set(deps.map((d) => d.slug)));
		if (!form.ok) return fail(400, { action: 'reenvio', issues: form.issues, values: form.values });
		try {
			await resubmitProposal(user, params.id, form.input, { version: text(data, 'version') });
		} catch (e) {
			return refusedProposal(e, { action: 'reenvio', values: form.values });
		}
		redirect(303, `/gestion/propuestas/${params.id}?hecho=reenviada`);
	}
};
