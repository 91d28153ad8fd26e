/**
 * Ley 1755 de 2015 art. 17 (peticiones incompletas; for data reclamos, Ley 1581 art. 15): when a request lacks what the Alcaldía
 * needs to decide it, the official asks the citizen to complete it ("requerimiento") within ten
 * días hábiles of its receipt. From then on the term stops; the citizen has up to one month to
 * answer. When they complete it, the term is reactivated: the días hábiles that were left when
 * it stopped run again from the day after the citizen's answer. With no answer within the month,
 * the Alcaldía closes it as "desistimiento tácito" by a reasoned act, which is notified.
 *
 * "Reactivar" is read here as resuming the days left, not as a new full term: the earlier due
 * date, and therefore the safe reading for the citizen's waiting time (the same conservative
 * choice as the start of the count, see `deadlines.ts`).
 */
import { addBusinessDays, businessDaysBetween, type BusinessCalendar } from './business-days';
import { compareDates, formatCalendarDate, parseCalendarDate, type IsoDate } from './calendar-date';

/**
 * The windows of a request to complete, by request type:
 * - Ley 1755 art. 17 (every petition): asked within 10 días hábiles of receipt; the citizen has
 *   one month to answer.
 * - Ley 1581 de 2012 art. 15 (a reclamo about personal data): asked "dentro de los cinco (5)
 *   días siguientes a la recepción del reclamo"; after two months without an answer the holder
 *   "ha desistido del reclamo".
 */
export interface CompletionRules {
	/** The requerimiento must come within this many días hábiles after the receipt. */
	askWithinBusinessDays: number;
	/** Calendar months the citizen has to complete it. */
	replyMonths: number;
	basis: string;
}

export const COMPLETION_BASIS =
	'Ley 1437 de 2011, art. 17 (sustituido por la Ley 1755 de 2015, art. 1): peticiones incompletas y desistimiento tácito';

const PETITION_RULES: CompletionRules = {
	askWithinBusinessDays: 10,
	replyMonths: 1,
	basis: COMPLETION_BASIS
};

const DATA_CLAIM_RULES: CompletionRules = {
	askWithinBusinessDays: 5,
	replyMonths: 2,
	basis:
		'Ley 1581 de 2012, art. 15: si el reclamo resulta incompleto, se requiere al interesado ' +
		'dentro de los cinco (5) días siguientes a su recepción; transcurridos dos (2) meses sin ' +
		'que presente la información requerida, se entiende que ha desistido del reclamo'
};

/** The rules for a request of `type` (a PQRSD type, or undefined for a trámite). */
export function completionRulesFor(type: string | undefined): CompletionRules {
	return type === 'reclamo-datos-personales' ? DATA_CLAIM_RULES : PETITION_RULES;
}

/** Last day the official may ask to complete a request received on `receivedDate`. */
export function completionRequestDeadline(
	receivedDate: IsoDate,
	calendar: BusinessCalendar,
	rules: CompletionRules = PETITION_RULES
): IsoDate {
	return addBusinessDays(receivedDate, rules.askWithinBusinessDays, calendar);
}

/**
 * Last day the citizen may complete a request asked on `askedOn`: `months` calendar months later
 * (the same day number, or the month's last day when it has none: 31 Jan → 28 Feb).
 */
export function citizenReplyBy(askedOn: IsoDate, months = PETITION_RULES.replyMonths): IsoDate {
	const { year, month, day } = parseCalendarDate(askedOn);
	const index = month - 1 + months;
	const next = { year: year + Math.floor(index / 12), month: (index % 12) + 1 };
	const lastDay = new Date(Date.UTC(next.year, next.month, 0)).getUTCDate();
	return formatCalendarDate({ ...next, day: Math.min(day, lastDay) });
}

/**
 * The due date once the citizen completed the request on `completedOn`: the días hábiles left
 * when the term stopped on `askedOn` (none if it had already run out) run again from the next
 * business day after the answer.
 */
export function resumedDueDate(input: {
	dueDate: IsoDate;
	askedOn: IsoDate;
	completedOn: IsoDate;
	calendar: BusinessCalendar;
}): IsoDate {
	const left = Math.max(0, businessDaysBetween(input.askedOn, input.dueDate, input.calendar));
	return addBusinessDays(input.completedOn, left, input.calendar);
}

export type CompletionRequestRefusal = 'solicitud_atendida' | 'ya_en_espera' | 'fuera_de_plazo';

/** Why the official may not ask to complete the request on `today`, or null if they may. */
export function checkCompletionRequest(input: {
	settled: boolean;
	awaitingCitizen: boolean;
	receivedDate: IsoDate;
	today: IsoDate;
	calendar: BusinessCalendar;
	rules?: CompletionRules;
}): CompletionRequestRefusal | null {
	if (input.settled) return 'solicitud_atendida';
	if (input.awaitingCitizen) return 'ya_en_espera';
	const last = completionRequestDeadline(input.receivedDate, input.calendar, input.rules);
	return compareDates(input.today, last) > 0 ? 'fuera_de_plazo' : null;
}

/** True when the month to complete has run out on `today`: the tacit withdrawal may be declared. */
export function mayDeclareTacitWithdrawal(respondBy: IsoDate, today: IsoDate): boolean {
	return compareDates(today, respondBy) > 0;
}
