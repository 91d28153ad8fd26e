/**
 * The plain forms a citizen uses on their own request with its radicado + PIN (withdraw it,
 * complete it): reading and checking those two fields and the form's one-time id, and running
 * the action under the tracking limits (PIN guesses count the same as in tracking).
 */
import { z } from 'zod';
import { isTrackingCode } from '$lib/domain/radicado';
import { text } from '$lib/server/forms/form-data';
import { TrackingRefused, withTrackingLookups } from './tracking';

export type OwnRequestFieldError = 'formato' | 'requerido' | 'muy_largo';

export interface OwnRequestForm {
	radicado: string;
	pin: string;
	/** The form's one-time id, when it is one. */
	clientId: string | null;
	/** Problems by field name (`radicado`, `pin`); the caller adds its own fields'. */
	errors: Record<string, OwnRequestFieldError>;
}

/** Reads radicado, PIN and the form's id from a posted form. */
export function readOwnRequestForm(data: FormData): OwnRequestForm {
	const radicado = text(data, 'radicado').trim().toUpperCase().slice(0, 30);
	const pin = text(data, 'pin').trim();
	const errors: Record<string, OwnRequestFieldError> = {};
	if (!radicado) errors.radicado = 'requerido';
	else if (!isTrackingCode(radicado)) errors.radicado = 'formato';
	if (!pin) errors.pin = 'requerido';
	else if (!/^\d{6}$/.test(pin)) errors.pin = 'formato';
	const clientId = z.uuid().safeParse(text(data, 'clientId'));
	return { radicado, pin, clientId: clientId.success ? clientId.data : null, errors };
}

/**
 * Runs `action` on the citizen's request under the tracking limits; null when the limits
 * refused it (too many lookups or PIN guesses lately: "try again in a moment").
 */
export async function underTrackingLimits<T>(
	clientAddress: string,
	action: () => Promise<T>
): Promise<T | null> {
	try {
		return await withTrackingLookups(clientAddress, 1, action);
	} catch (e) {
		if (e instanceof TrackingRefused) return null;
		throw e;
	}
}
