/**
 * Ley 1755 de 2015 art. 17 (peticiones incompletas): when a request lacks what the Alcaldía
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

/** The requerimiento must come within this many días hábiles after the receipt. */
export const COMPLETION_REQUEST_BUSINESS_DAYS = 10;

export const COMPLETION_BASIS =
	'Ley 1437 de 2011, art. 17 (sustituido por la Ley 1755 de 2015, art. 1): peticiones incompletas y desistimiento tácito';

/** Last day the official may ask to complete a request received on `receivedDate`. */
export function completionRequestDeadline(
	receivedDate: IsoDate,
	calendar: BusinessCalendar
): IsoDate {
	return addBusinessDays(receivedDate, COMPLETION_REQUEST_BUSINESS_DAYS, calendar);
}

/**
 * Last day the citizen may complete a request asked on `askedOn`: one calendar month later (the
 * same day number, or the month's last day when it has none: 31 Jan → 28 Feb).
 */
export function citizenReplyBy(askedOn: IsoDate): IsoDate {
	const { year, month, day } = parseCalendarDate(askedOn);
	const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
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
}): CompletionRequestRefusal | null {
	if (input.settled) return 'solicitud_atendida';
	if (input.awaitingCitizen) return 'ya_en_espera';
	const last = completionRequestDeadline(input.receivedDate, input.calendar);
	return compareDates(input.today, last) > 0 ? 'fuera_de_plazo' : null;
}

/** True when the month to complete has run out on `today`: the tacit withdrawal may be declared. */
export function mayDeclareTacitWithdrawal(respondBy: IsoDate, today: IsoDate): boolean {
	return compareDates(today, respondBy) > 0;
}
