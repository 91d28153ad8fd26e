/**
 * The notification of an action by letter ("por escrito a mi dirección", CPACA art. 67–69): the
 * official prints the letter (the oficio, under its outgoing number), then records how and when
 * it reached the citizen. The day it was handed over is the day the citizen was notified.
 * Recording is append-only in effect: a letter is printed once (a reprint keeps the first
 * date) and handed over once; a wrong record is corrected by a note, never by rewriting it.
 */

export const LETTER_STEPS = ['impresa', 'entregada'] as const;
export type LetterStep = (typeof LETTER_STEPS)[number];

/** How a letter reached the citizen. */
export const LETTER_DELIVERY_WAYS = ['en-persona', 'correo-certificado', 'mensajero'] as const;
export type LetterDeliveryWay = (typeof LETTER_DELIVERY_WAYS)[number];

/** Where a letter stands: not printed yet, printed, or handed over. */
export type LetterState = 'pendiente' | LetterStep;

export type LetterRefusal =
	/** Handed over already: the record stands. */
	| 'ya_entregada'
	/** The delivery day is before the action it notifies, or after today. */
	| 'fecha_fuera_de_rango';

/**
 * Whether `step` may be recorded on a letter in `state`, and with what resulting state.
 * `deliveredOn`, `actionDate` and `today` are Bogotá calendar dates (YYYY-MM-DD).
 */
export function checkLetterStep(
	state: LetterState,
	step: LetterStep,
	dates: { deliveredOn?: string; actionDate: string; today: string }
): { ok: true; state: LetterState } | { ok: false; refusal: LetterRefusal } {
	if (state === 'entregada') return { ok: false, refusal: 'ya_entregada' };
	if (step === 'impresa') return { ok: true, state: 'impresa' };
	const day = dates.deliveredOn ?? dates.today;
	if (day < dates.actionDate || day > dates.today) {
		return { ok: false, refusal: 'fecha_fuera_de_rango' };
	}
	return { ok: true, state: 'entregada' };
}
