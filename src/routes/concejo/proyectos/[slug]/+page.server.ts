import { statusOf } from '$lib/errors';
import { fail } from '@sveltejs/kit';
import { participationErrorText } from '$lib/participation/labels';
import { postedForm } from '$lib/server/forms/form-data';
import { submitComment } from '$lib/server/participation/comments';
import type { Actions } from './$types';

/**
 * Commenting by plain HTML form (and with `use:enhance`): the same module and rules as the
 * JSON API. No server `load`: the page stays readable offline.
 */
export const actions: Actions = {
	default: async ({ request, params, getClientAddress }) => {
		const form = await postedForm(request);
		const text = (name: string) => {
			const v = form.get(name);
			return typeof v === 'string' ? v : '';
		};
		const id = text('id');
		const values = { texto: text('texto'), nombre: text('nombre') };
		const outcome = await submitComment(
			{
				id: /^[0-9a-f-]{36}$/.test(id) ? id : crypto.randomUUID(),
				proyecto: params.slug,
				text: values.texto,
				...(values.nombre.trim() ? { name: values.nombre } : {}),
				consent: form.get('consentimiento') === 'si'
			},
			{ address: getClientAddress() }
		);
		if (outcome.ok) return { commented: true };
		const detail = outcome.detail as { fields?: Record<string, string> } | undefined;
		const errors = Object.fromEntries(
			Object.entries(detail?.fields ?? {}).map(([f, code]) => [f, participationErrorText(code)])
		);
		return fail(statusOf(outcome.code), {
			errors,
			general: Object.keys(errors).length ? null : participationErrorText(outcome.code),
			values
		});
	}
};
