/**
 * The deadline traffic light of the inbox: green while there is time, yellow when the legal term
 * ends within {@link WARNING_BUSINESS_DAYS} días hábiles, red once it has passed.
 */
import { compareDates, type IsoDate } from './calendar-date';
import { businessDaysBetween, type BusinessCalendar } from './business-days';
import { isSettled } from './request-state';
import { type RequestStatus } from '../schemas/vocab';

export const WARNING_BUSINESS_DAYS = 3;

export const SEMAFORO = [
	'vencida',
	'por-vencer',
	'a-tiempo',
	'sin-plazo',
	'atendida',
	'remitida',
	'en-espera'
] as const;
export type Semaforo = (typeof SEMAFORO)[number];

export interface SemaforoReading {
	light: Semaforo;
	/** Días hábiles left (negative when overdue); null without a due date or once settled. */
	businessDaysLeft: number | null;
}

/**
 * Reads the light on `today` (Bogotá calendar date). A term runs until the end of its due date,
 * so the due date itself is still on time ("por vencer", 0 days left).
 */
export function semaforo(
	state: {
		status: RequestStatus;
		dueDate: IsoDate | null;
		remittedTo?: unknown;
		awaitingCitizen?: unknown;
	},
	today: IsoDate,
	calendar: BusinessCalendar
): SemaforoReading {
	// Sent to the competent entity: off the Alcaldía's clock, and said so.
	if (state.remittedTo) return { light: 'remitida', businessDaysLeft: null };
	if (isSettled(state.status)) return { light: 'atendida', businessDaysLeft: null };
	// Asked to complete (Ley 1755 art. 17): the term stands still until the citizen answers.
	if (state.awaitingCitizen) return { light: 'en-espera', businessDaysLeft: null };
	if (!state.dueDate) return { light: 'sin-plazo', businessDaysLeft: null };
	const left = businessDaysBetween(today, state.dueDate, calendar);
	if (compareDates(today, state.dueDate) > 0) {
		// Overdue by at least one calendar day even if the days in between were not hábiles.
		return { light: 'vencida', businessDaysLeft: Math.min(left, -1) };
	}
	return {
		light: left <= WARNING_BUSINESS_DAYS ? 'por-vencer' : 'a-tiempo',
		businessDaysLeft: left
	};
}
