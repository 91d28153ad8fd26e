import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { postedForm } from '$lib/server/forms/form-data';
import { readProposalForm } from '$lib/server/proposals/form';
import { dependenciaOptions, refusedProposal } from '$lib/server/proposals/page';
import { createProposal } from '$lib/server/proposals/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// The id is drawn when the form is shown: sending the same form twice stores one proposal.
	return {
		dependencias: await dependenciaOptions(),
		values: { id: crypto.randomUUID(), responsible: user.dependencia ?? '' }
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const deps = await dependenciaOptions();
		const form = readProposalForm(await postedForm(request), new Set(deps.map((d) => d.slug)));
		if (!form.ok) return fail(400, { issues: form.issues, values: form.values });
		try {
			await createProposal(user, form.input);
		} catch (e) {
			return refusedProposal(e, { values: form.values });
		}
		redirect(303, `/gestion/propuestas/${form.input.id}?hecho=creada`);
	}
};
