/**
 * Rules for extending the term of a request (Ley 1437 art. 14 par., as replaced by Ley 1755):
 * the citizen must be told before the term expires, with the reasons and the new date, and the
 * new term may not exceed double the original (habeas data: 5 or 8 días hábiles more, Ley 1581
 * art. 14 and 15; see `maxExtensionDueDate`). An extension is granted once.
 */
import { compareDates, type IsoDate } from './calendar-date';
import { isBusinessDay, type BusinessCalendar } from './business-days';
import { canExtend, maxExtensionDueDate, type FiledTerm } from './deadlines';

export type ExtensionRefusal =
	| 'sin_plazo'
	| 'ya_prorrogada'
	| 'termino_vencido'
	| 'fecha_no_posterior'
	| 'excede_maximo'
	| 'fecha_no_habil'
	| 'solicitud_atendida';

export interface ExtensionCheck {
	ok: boolean;
	refusal?: ExtensionRefusal;
	/** Latest lawful new due date, when the request has a term. */
	maxDueDate?: IsoDate;
}

/**
 * Checks an extension asked for on `today` to `newDueDate`.
 * @param deadline the legal term as filed (`receivedDate`, `businessDays` and the extension
 * allowed, `extensionBusinessDays`, of the original).
 */
export function checkExtension(input: {
	deadline: FiledTerm | null;
	extended: boolean;
	settled: boolean;
	today: IsoDate;
	newDueDate: IsoDate;
	calendar: BusinessCalendar;
}): ExtensionCheck {
	const { deadline, today, newDueDate, calendar } = input;
	if (!deadline || deadline.businessDays <= 0) return { ok: false, refusal: 'sin_plazo' };
	const maxDueDate = maxExtensionDueDate(deadline, calendar);
	const refuse = (refusal: ExtensionRefusal) => ({ ok: false, refusal, maxDueDate });
	if (input.settled) return refuse('solicitud_atendida');
	if (input.extended) return refuse('ya_prorrogada');
	if (!canExtend(today, deadline)) return refuse('termino_vencido');
	if (compareDates(newDueDate, deadline.dueDate) <= 0) return refuse('fecha_no_posterior');
	if (compareDates(newDueDate, maxDueDate) > 0) return refuse('excede_maximo');
	if (!isBusinessDay(newDueDate, calendar)) return refuse('fecha_no_habil');
	return { ok: true, maxDueDate };
}
