import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isTrackingCode } from '$lib/domain/radicado';
import { completionSchema } from '$lib/schemas';
import { postedForm, text } from '$lib/server/forms/form-data';
import { TrackingRefused, withTrackingLookups } from '$lib/server/requests/tracking';
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
		const radicado = text(data, 'radicado').trim().toUpperCase().slice(0, 30);
		const pin = text(data, 'pin').trim();
		const respuesta = text(data, 'respuesta', { multiline: true });
		const values = { radicado, respuesta: respuesta.slice(0, 20_000) };
		const errors: Record<string, 'formato' | 'requerido' | 'muy_largo'> = {};
		if (!radicado) errors.radicado = 'requerido';
		else if (!isTrackingCode(radicado)) errors.radicado = 'formato';
		if (!pin) errors.pin = 'requerido';
		else if (!/^\d{6}$/.test(pin)) errors.pin = 'formato';
		const answer = completionSchema.shape.text.safeParse(respuesta);
		if (!answer.success) errors.respuesta = respuesta.trim() ? 'muy_largo' : 'requerido';
		const clientId = z.uuid().safeParse(text(data, 'clientId'));
		if (Object.keys(errors).length || !answer.success || !clientId.success) {
			return fail(400, { values, errors });
		}
		const outcome = await withTrackingLookups(getClientAddress(), 1, () =>
			completeRequest({ radicado, pin, clientId: clientId.data, text: answer.data })
		).catch((e: unknown) => {
			if (e instanceof TrackingRefused) return null;
			throw e;
		});
		if (!outcome) return fail(429, { values, tooMany: true });
		if (!outcome.ok) {
			return fail(outcome.code === 'no_encontrado' ? 404 : 409, { values, refusal: outcome.code });
		}
		return { done: { radicado: outcome.radicado, at: outcome.at, dueDate: outcome.dueDate } };
	}
};
