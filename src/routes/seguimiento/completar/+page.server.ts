import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { completionSchema } from '$lib/schemas';
import { postedForm, text } from '$lib/server/forms/form-data';
import { readOwnRequestForm, underTrackingLimits } from '$lib/server/requests/own-request-form';
import { completeRequest } from '$lib/server/requests/completion';
import type { Actions, PageServerLoad } from './$types';

/** One id per rendering of the form: posting it again adds the answer once. */
export const load: PageServerLoad = () => ({ clientId: randomUUID() });

/**
 * Ley 1755 art. 17 as a plain form: the citizen answers the Alcaldía's request to complete
 * their petition with radicado, PIN and what was missing. Works without JavaScript; errors come
 * back by field.
 */
export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const data = await postedForm(request);
		const { radicado, pin, clientId, errors } = readOwnRequestForm(data);
		const respuesta = text(data, 'respuesta', { multiline: true });
		const values = { radicado, respuesta: respuesta.slice(0, 20_000) };
		const answer = completionSchema.shape.text.safeParse(respuesta);
		if (!answer.success) errors.respuesta = respuesta.trim() ? 'muy_largo' : 'requerido';
		if (Object.keys(errors).length || !answer.success || !clientId) {
			return fail(400, { values, errors });
		}
		const outcome = await underTrackingLimits(getClientAddress(), () =>
			completeRequest({ radicado, pin, clientId, text: answer.data })
		);
		if (!outcome) return fail(429, { values, tooMany: true });
		if (!outcome.ok) {
			return fail(outcome.code === 'no_encontrado' ? 404 : 409, { values, refusal: outcome.code });
		}
		return { done: { radicado: outcome.radicado, at: outcome.at, dueDate: outcome.dueDate } };
	}
};
