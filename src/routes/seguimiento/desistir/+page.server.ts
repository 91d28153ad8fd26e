import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { withdrawalSchema } from '$lib/schemas';
import { checked, postedForm, text } from '$lib/server/forms/form-data';
import { readOwnRequestForm, underTrackingLimits } from '$lib/server/requests/own-request-form';
import { withdrawRequest } from '$lib/server/requests/withdrawal';
import type { Actions, PageServerLoad } from './$types';

/** One id per rendering of the form: posting it again withdraws once. */
export const load: PageServerLoad = () => ({ clientId: randomUUID() });

/**
 * Desistimiento expreso (Ley 1755 art. 18) as a plain form: radicado, PIN, an optional reason
 * and a confirmation box. Works without JavaScript; errors come back by field.
 */
export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const data = await postedForm(request);
		const { radicado, pin, clientId, errors } = readOwnRequestForm(data);
		const motivo = text(data, 'motivo', { multiline: true });
		const values = { radicado, motivo: motivo.slice(0, 2000) };
		const reason = withdrawalSchema.shape.text.safeParse(motivo);
		if (!reason.success) errors.motivo = 'muy_largo';
		if (!checked(data, 'confirmar')) errors.confirmar = 'requerido';
		if (Object.keys(errors).length || !reason.success || !clientId) {
			return fail(400, { values, errors });
		}
		const outcome = await underTrackingLimits(getClientAddress(), () =>
			withdrawRequest({ radicado, pin, clientId, reason: reason.data })
		);
		if (!outcome) return fail(429, { values, tooMany: true });
		if (!outcome.ok) {
			return fail(outcome.code === 'no_encontrado' ? 404 : 409, { values, refusal: outcome.code });
		}
		return { done: { radicado: outcome.radicado, at: outcome.at } };
	}
};
