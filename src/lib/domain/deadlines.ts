/**
 * Legal terms ("plazos") for PQRSD and trámites.
 *
 * The terms are a data table ({@link PQRSD_TERMS}) so that a change in the law is an edit to one
 * entry, and so the UI can show the legal basis next to every due date.
 */
import { PQRSD_TYPES, type PqrsdType } from '$lib/schemas/vocab';
import { addDays, assertIsoDate, bogotaDate, compareDates, type IsoDate } from './calendar-date';
import { addBusinessDays, nextBusinessDayOnOrAfter, type BusinessCalendar } from './business-days';
import { DomainInputError } from './errors';

/** The legal term of one request type. */
export interface PqrsdTerm {
	/** Name shown to citizens (Spanish, as in the law). */
	readonly label: string;
	/** Term in días hábiles, counted from the day after receipt. */
	readonly businessDays: number;
	/** Citation shown next to the due date. */
	readonly legalBasis: string;
	/** How far one extension ("prórroga") may move the due date, and why. */
	readonly extension: {
		/** Most días hábiles an extension adds after the original due date. */
		readonly businessDays: number;
		readonly basis: string;
	};
}

// Ley 1755 de 2015 art. 1 replaced arts. 13–33 of the CPACA (Ley 1437 de 2011), so the articles
// are cited as CPACA articles "sustituido por" Ley 1755, which is how entities quote them.
const ART_14 = 'Ley 1437 de 2011, art. 14 (sustituido por la Ley 1755 de 2015, art. 1)';
const DOUBLE_BASIS =
	'Ley 1437 de 2011, art. 14, parágrafo (sustituido por la Ley 1755 de 2015, art. 1): hasta el ' +
	'doble del término inicial';
/** Ley 1755's extension: up to double the original term (`businessDays` more). */
const DOUBLE = (businessDays: number) => ({ businessDays, basis: DOUBLE_BASIS });
const MODALIDAD = (nombre: string) =>
	`Ley 1437 de 2011, arts. 13 y 14 (sustituidos por la Ley 1755 de 2015, art. 1): ${nombre} es ` +
	'una modalidad del derecho de petición y se resuelve en el término general de quince (15) días ' +
	'hábiles siguientes a su recepción.';

/**
 * Terms per request type (DOMAIN §3.1). Días hábiles per Ley 4 de 1913 art. 62: the law says
 * "días" and does not say "calendario".
 */
export const PQRSD_TERMS: Readonly<Record<PqrsdType, PqrsdTerm>> = Object.freeze({
	'peticion-general': {
		label: 'Petición general',
		businessDays: 15,
		legalBasis: `${ART_14}, inciso 1: quince (15) días hábiles siguientes a su recepción.`,
		extension: DOUBLE(15)
	},
	'peticion-documentos': {
		label: 'Petición de documentos y de información',
		businessDays: 10,
		legalBasis:
			`${ART_14}, num. 1: diez (10) días hábiles siguientes a su recepción; sin respuesta en ` +
			'ese lapso la solicitud se entiende aceptada y las copias se entregan dentro de los tres (3) ' +
			'días siguientes.',
		extension: DOUBLE(10)
	},
	consulta: {
		label: 'Consulta',
		businessDays: 30,
		legalBasis: `${ART_14}, num. 2: treinta (30) días hábiles siguientes a su recepción.`,
		extension: DOUBLE(30)
	},
	queja: modalidad('Queja', 'la queja'),
	reclamo: modalidad('Reclamo', 'el reclamo'),
	sugerencia: modalidad('Sugerencia', 'la sugerencia'),
	denuncia: modalidad('Denuncia', 'la denuncia'),
	'solicitud-informacion': {
		label: 'Solicitud de acceso a información pública',
		businessDays: 10,
		legalBasis: `Ley 1712 de 2014 y ${ART_14}, num. 1: diez (10) días hábiles siguientes a su recepción.`,
		extension: DOUBLE(10)
	},
	'consulta-datos-personales': {
		label: 'Consulta de datos personales',
		businessDays: 10,
		legalBasis:
			'Ley 1581 de 2012, art. 14: la consulta se atiende en un término máximo de diez (10) días ' +
			'hábiles contados a partir de la fecha de su recibo.',
		extension: {
			businessDays: 5,
			basis:
				'Ley 1581 de 2012, art. 14: hasta cinco (5) días hábiles siguientes al vencimiento del ' +
				'primer término'
		}
	},
	'reclamo-datos-personales': {
		label: 'Reclamo de datos personales',
		businessDays: 15,
		legalBasis:
			'Ley 1581 de 2012, art. 15: el reclamo se atiende en un término máximo de quince (15) días ' +
			'hábiles contados a partir del día siguiente a la fecha de su recibo.',
		extension: {
			businessDays: 8,
			basis:
				'Ley 1581 de 2012, art. 15: hasta ocho (8) días hábiles siguientes al vencimiento del ' +
				'primer término'
		}
	}
});

/** A modality of the derecho de petición answered in the general term. */
function modalidad(label: string, nombre: string): PqrsdTerm {
	return { label, businessDays: 15, legalBasis: MODALIDAD(nombre), extension: DOUBLE(15) };
}

/** Why an extension may go as far as it may: the request type's rule, Ley 1755's otherwise. */
export function extensionBasis(type: PqrsdType | undefined): string {
	return type && isPqrsdType(type) ? PQRSD_TERMS[type].extension.basis : DOUBLE_BASIS;
}

/**
 * Ley 1755 art. 21: a request the Alcaldía is not competent for is sent to the competent
 * entity "dentro de los cinco (5) días siguientes al de la recepción", with a copy of the
 * oficio remisorio to the citizen.
 */
export const REMISSION_BUSINESS_DAYS = 5;
export const REMISSION_BASIS =
	'Ley 1437 de 2011, art. 21 (sustituido por la Ley 1755 de 2015, art. 1): remitir a la ' +
	'autoridad competente dentro de los cinco (5) días siguientes a la recepción y enviar copia ' +
	'del oficio remisorio al peticionario';

/**
 * Ley 1581 de 2012 art. 15: a reclamo about personal data the office cannot resolve goes to
 * whoever can "en un término máximo de dos (2) días hábiles", and the holder is told.
 */
const DATA_CLAIM_REMISSION = {
	businessDays: 2,
	basis:
		'Ley 1581 de 2012, art. 15: si quien recibe el reclamo no es competente para resolverlo, ' +
		'dará traslado a quien corresponda en un término máximo de dos (2) días hábiles e ' +
		'informará de la situación al interesado'
} as const;

/** How many días hábiles a request of `type` may take to reach the competent entity, and why. */
export function remissionRulesFor(type: string | undefined): {
	businessDays: number;
	basis: string;
} {
	return type === 'reclamo-datos-personales'
		? DATA_CLAIM_REMISSION
		: { businessDays: REMISSION_BUSINESS_DAYS, basis: REMISSION_BASIS };
}

/** The last day to send a request of `type` received on `receivedDate` to the competent entity. */
export function remissionDueDate(
	receivedDate: IsoDate,
	calendar: BusinessCalendar,
	type?: string
): IsoDate {
	return addBusinessDays(receivedDate, remissionRulesFor(type).businessDays, calendar);
}

/** True if `value` is one of {@link PQRSD_TYPES}. */
export function isPqrsdType(value: unknown): value is PqrsdType {
	return typeof value === 'string' && (PQRSD_TYPES as readonly string[]).includes(value);
}

/** When a request must be answered, with the basis to show the citizen. */
export interface LegalDeadline {
	/** Bogotá calendar date of receipt; the term starts the day after it. */
	readonly receivedDate: IsoDate;
	/** Last day to answer (the answer is on time until the end of this day). */
	readonly dueDate: IsoDate;
	/** The term in días hábiles. */
	readonly businessDays: number;
	readonly legalBasis: string;
	/**
	 * Most días hábiles one extension may add after the due date; absent means Ley 1755's rule
	 * (double the term, i.e. `businessDays` more).
	 */
	readonly extensionBusinessDays?: number;
}

/**
 * Computes the legal due date of a PQRSD request from `receivedAt`, the instant the municipality
 * received it, converted to the Bogotá calendar date. The caller decides that instant
 * (`receiptInstant` in `hand-in.ts`): the server's clock when a citizen's own device files it;
 * for a kiosk or field capture synced later, the moment the citizen handed it in when the kiosk
 * or the official's session attests it, else its arrival (legal review 2.4).
 *
 * A request received on a non-business day (weekend, holiday, or late at night) is dated that day
 * and the count starts on the following day: since non-business days are not counted, day 1 is the
 * next business day. This is the earlier, and therefore safe, reading for the municipality.
 * @throws {DomainInputError} `tipo_desconocido` for an unknown type; `instante_invalido` for a bad
 * `receivedAt`; `fecha_invalida` for a malformed calendar.
 * @example legalDeadline({ type: 'consulta', receivedAt, calendar }).dueDate
 */
export function legalDeadline(input: {
	type: PqrsdType;
	receivedAt: Date;
	calendar: BusinessCalendar;
}): LegalDeadline {
	const { type, receivedAt, calendar } = input;
	if (!isPqrsdType(type)) {
		throw new DomainInputError(
			'tipo_desconocido',
			`unknown PQRSD type ${JSON.stringify(type)}; expected one of ${PQRSD_TYPES.join(', ')}`
		);
	}
	const term = PQRSD_TERMS[type];
	const receivedDate = bogotaDate(receivedAt);
	return {
		receivedDate,
		dueDate: addBusinessDays(receivedDate, term.businessDays, calendar),
		businessDays: term.businessDays,
		legalBasis: term.legalBasis,
		extensionBusinessDays: term.extension.businessDays
	};
}

/** What the extension and statistics rules read of a request's term as filed. */
export type FiledTerm = Pick<
	LegalDeadline,
	'receivedDate' | 'dueDate' | 'businessDays' | 'extensionBusinessDays'
>;

/**
 * The latest due date an extension ("prórroga") may set, counted like the original from the day
 * after receipt: `receivedDate + businessDays + extensionBusinessDays` business days. Ley 1437
 * art. 14 par. (Ley 1755) caps the new term at double the original (the default); Ley 1581
 * art. 14 and 15 allow 5 and 8 días hábiles after the first term for habeas data. Any date
 * after the original due date and up to this one is a lawful new date.
 * @throws {DomainInputError} `fecha_invalida` / `numero_invalido` for a malformed deadline.
 */
export function maxExtensionDueDate(
	original: Pick<LegalDeadline, 'receivedDate' | 'businessDays' | 'extensionBusinessDays'>,
	calendar: BusinessCalendar
): IsoDate {
	const extra = original.extensionBusinessDays ?? original.businessDays;
	return addBusinessDays(original.receivedDate, original.businessDays + extra, calendar);
}

/**
 * True if an extension can still be notified on `today`: the law requires it "antes del
 * vencimiento del término". A term in days runs until midnight of its last day (Código Civil
 * art. 67; Ley 4 de 1913 art. 59), so the due date itself still qualifies; the day after does not.
 * @throws {DomainInputError} `fecha_invalida` for malformed dates.
 */
export function canExtend(today: IsoDate, deadline: Pick<LegalDeadline, 'dueDate'>): boolean {
	return compareDates(assertIsoDate(today, 'today'), deadline.dueDate) <= 0;
}

/** How the trámite catalogue (SUIT "tiempo de obtención", DOMAIN §4) expresses a term. */
export type TramiteTermKind = 'dias-habiles' | 'dias-calendario' | 'inmediato' | 'horas';

/** A trámite's term as stored in the catalogue; `value` is required for the day and hour kinds. */
export interface TramiteTerm {
	readonly kind: TramiteTermKind;
	readonly value?: number;
}

/** When a trámite must be resolved. */
export interface TramiteDeadline {
	readonly receivedDate: IsoDate;
	readonly dueDate: IsoDate;
	readonly kind: 'dias-habiles' | 'dias-calendario';
	readonly value: number;
}

const TRAMITE_TERM_KINDS: readonly TramiteTermKind[] = [
	'dias-habiles',
	'dias-calendario',
	'inmediato',
	'horas'
];

/**
 * Computes a trámite's due date from its catalogue term, counting from the day after receipt
 * (Bogotá date of `receivedAt`).
 * - `dias-habiles`: `value` business days, as for PQRSD.
 * - `dias-calendario`: `value` calendar days; if that day is not a business day the term runs to the
 *   next business day, because the office cannot deliver on a day it is closed (the rule Ley 4 de
 *   1913 art. 62 gives for terms in months and years, applied by analogy).
 * - `inmediato` and `horas`: `null`, as they have no due date in days (an immediate answer is given
 *   at the counter; hours need the time of day, not a calendar date).
 * @throws {DomainInputError} `tipo_desconocido` for an unknown kind; `numero_invalido` if a day
 * term has no whole `value` ≥ 1; `instante_invalido` for a bad `receivedAt`.
 */
export function tramiteDeadline(input: {
	term: TramiteTerm;
	receivedAt: Date;
	calendar: BusinessCalendar;
}): TramiteDeadline | null {
	const { term, receivedAt, calendar } = input;
	if (!TRAMITE_TERM_KINDS.includes(term?.kind)) {
		throw new DomainInputError(
			'tipo_desconocido',
			`unknown trámite term kind ${JSON.stringify(term?.kind)}; expected one of ` +
				TRAMITE_TERM_KINDS.join(', ')
		);
	}
	if (term.kind === 'inmediato' || term.kind === 'horas') return null;
	const value = term.value;
	if (value === undefined || !Number.isSafeInteger(value) || value < 1) {
		throw new DomainInputError(
			'numero_invalido',
			`a "${term.kind}" term needs a whole value ≥ 1, got ${String(value)}`
		);
	}
	const receivedDate = bogotaDate(receivedAt);
	const dueDate =
		term.kind === 'dias-habiles'
			? addBusinessDays(receivedDate, value, calendar)
			: nextBusinessDayOnOrAfter(addDays(receivedDate, value), calendar);
	return { receivedDate, dueDate, kind: term.kind, value };
}
