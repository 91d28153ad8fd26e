import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isTrackingCode } from '$lib/domain/radicado';
import { withdrawalSchema } from '$lib/schemas';
import { checked, postedForm, text } from '$lib/server/forms/form-data';
import { TrackingRefused, withTrackingLookups } from '$lib/server/requests/tracking';
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
		const radicado = text(data, 'radicado').trim().toUpperCase().slice(0, 30);
		const pin = text(data, 'pin').trim();
		const motivo = text(data, 'motivo', { multiline: true });
		const values = { radicado, motivo: motivo.slice(0, 2000) };
		const errors: Record<string, 'formato' | 'requerido' | 'muy_largo'> = {};
		if (!radicado) errors.radicado = 'requerido';
		else if (!isTrackingCode(radicado)) errors.radicado = 'formato';
		if (!pin) errors.pin = 'requerido';
		else if (!/^\d{6}$/.test(pin)) errors.pin = 'formato';
		const reason = withdrawalSchema.shape.text.safeParse(motivo);
		if (!reason.success) errors.motivo = 'muy_largo';
		if (!checked(data, 'confirmar')) errors.confirmar = 'requerido';
		const clientId = z.uuid().safeParse(text(data, 'clientId'));
		if (Object.keys(errors).length || !reason.success || !clientId.success) {
			return fail(400, { values, errors });
		}
		const outcome = await withTrackingLookups(getClientAddress(), 1, () =>
			withdrawRequest({ radicado, pin, clientId: clientId.data, reason: reason.data })
		).catch((e: unknown) => {
			if (e instanceof TrackingRefused) return null;
			throw e;
		});
		if (!outcome) return fail(429, { values, tooMany: true });
		if (!outcome.ok) {
			return fail(outcome.code === 'no_encontrado' ? 404 : 409, { values, refusal: outcome.code });
		}
		return { done: { radicado: outcome.radicado, at: outcome.at } };
	}
};
