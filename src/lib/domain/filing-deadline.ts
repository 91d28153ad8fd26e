/**
 * The due date stored with a filed request: PQRSD by the legal term of the form's type,
 * trámites by the term of their catalogue entry. A trámite whose catalogue term is not in days
 * (`inmediato`, `horas`) or has no valid value is, when filed in writing (online, kiosk, field
 * capture), answered within the general term of the derecho de petición: an answer "at the
 * counter" cannot be given to a request sent from a vereda, and without a date the request would
 * show "sin plazo" forever (legal review 2.9, Colombia Mayor).
 */
import { businessDaysBetween, type BusinessCalendar } from './business-days';
import { legalDeadline, tramiteDeadline, type LegalDeadline, type TramiteTerm } from './deadlines';
import type { PqrsdType } from '$lib/schemas/vocab';

/** What of the form and its trámite the due date depends on. */
export interface FiledForm {
	purpose: 'pqrsd' | 'tramite';
	pqrsdType?: PqrsdType;
	/** The catalogue entry of a trámite form (null when the form points at none). */
	tramite?: { title: string; time: TramiteTerm; legalBasis: readonly string[] } | null;
}

/** Longest legal basis kept with a request (the request schema's limit). */
const MAX_BASIS = 1000;

const clip = (text: string) =>
	text.length <= MAX_BASIS ? text : `${text.slice(0, MAX_BASIS - 1)}…`;

/**
 * The due date of a request filed with `form` at `receivedAt`, or null when it has none (a PQRSD
 * form without a type, a trámite form without a catalogue entry).
 */
export function filingDeadline(
	form: FiledForm,
	receivedAt: Date,
	calendar: BusinessCalendar
): LegalDeadline | null {
	if (form.purpose === 'pqrsd') {
		return form.pqrsdType ? legalDeadline({ type: form.pqrsdType, receivedAt, calendar }) : null;
	}
	const tramite = form.tramite;
	if (!tramite) return null;
	const basis = tramite.legalBasis.join('; ');
	const inDays =
		(tramite.time.kind === 'dias-habiles' || tramite.time.kind === 'dias-calendario') &&
		Number.isSafeInteger(tramite.time.value) &&
		(tramite.time.value ?? 0) >= 1;
	if (!inDays) {
		const general = legalDeadline({ type: 'peticion-general', receivedAt, calendar });
		return {
			...general,
			legalBasis: clip(
				`Trámite «${tramite.title}» presentado por escrito: como su término de catálogo no se ` +
					`cuenta en días, se resuelve en el término general de quince (15) días hábiles ` +
					`siguientes a su recepción. ${general.legalBasis} ${basis}`
			)
		};
	}
	const d = tramiteDeadline({ term: tramite.time, receivedAt, calendar });
	if (!d) return null;
	if (d.kind === 'dias-habiles') {
		return {
			receivedDate: d.receivedDate,
			dueDate: d.dueDate,
			businessDays: d.value,
			legalBasis: clip(
				`Término del trámite «${tramite.title}»: ${d.value} días hábiles siguientes a la recepción. ${basis}`
			)
		};
	}
	// The stored deadline counts business days; a calendar-day term is stated in the legal basis
	// and expressed as the business days it spans.
	return {
		receivedDate: d.receivedDate,
		dueDate: d.dueDate,
		businessDays: businessDaysBetween(d.receivedDate, d.dueDate, calendar),
		legalBasis: clip(
			`Término del trámite «${tramite.title}»: ${d.value} días calendario siguientes a la recepción; si el último no es hábil, vence el siguiente día hábil. ${basis}`
		)
	};
}
