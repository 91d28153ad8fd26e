/**
 * Failure codes of the pure domain modules. Callers map a code to an i18n message (STYLE habit 10);
 * the `message` of the error is English prose for logs and developers, never shown to citizens.
 */
export const DOMAIN_ERROR_CODES = [
	/** A calendar date that is not an existing `YYYY-MM-DD` day. */
	'fecha_invalida',
	/** A `Date` that is not a `Date` or holds `NaN`. */
	'instante_invalido',
	/** A day count or year that is not a whole number in the allowed range. */
	'numero_invalido',
	/** A PQRSD type or trámite term kind that the tables do not know. */
	'tipo_desconocido'
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * Thrown by the domain modules when an argument is malformed. It extends `RangeError` because every
 * case is a value outside the function's domain, and carries a stable `code` for the UI.
 */
export class DomainInputError extends RangeError {
	readonly code: DomainErrorCode;

	constructor(code: DomainErrorCode, message: string) {
		super(message);
		this.name = 'DomainInputError';
		this.code = code;
	}
}
