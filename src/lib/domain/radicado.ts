/**
 * Radicados: the filing numbers the municipality gives each request on receipt, as
 * `PREFIX-YYYY-NNNNNN` (e.g. `PG-2026-000124`). The number is a consecutive that restarts every
 * year (AGN Acuerdo 060 de 2001 practice, DOMAIN §3.2); the prefix names the entity, so several
 * municipalities' numbers never look alike. Pure: allocation lives in the server.
 */
import { DomainInputError } from './errors';

/** Prefix used when the deployment sets none (Puerto Guzmán). */
export const DEFAULT_RADICADO_PREFIX = 'PG';

/** Six digits: a municipality files far fewer than a million requests a year. */
export const MAX_RADICADO_NUMBER = 999_999;

const PREFIX = /^[A-Z]{2,6}$/;
const RADICADO = /^([A-Z]{2,6})-(\d{4})-(\d{6})$/;
const SERIES = /^([A-Z]{2,6})-(\d{4})$/;

/** The parts of a radicado. */
export interface RadicadoParts {
	/** 2–6 capital ASCII letters. */
	readonly prefix: string;
	/** Bogotá calendar year of receipt, four digits. */
	readonly year: number;
	/** Consecutive within the prefix and year, 1 … {@link MAX_RADICADO_NUMBER}. */
	readonly number: number;
}

/**
 * The prefix of the outgoing series ("radicado de salida", AGN Acuerdo 060 de 2001): what the
 * Alcaldía sends (answers, letters) is numbered apart from what it receives, in a yearly series
 * of its own: the entry prefix and an S (`PG` → `PGS-2026-000045`), within the six letters.
 */
export function outgoingPrefix(prefix: string): string {
	assertPrefix(prefix);
	const outgoing = `${prefix.slice(0, 5)}S`;
	// `ABCDES` would number both books in one series (the configuration refuses it).
	if (outgoing === prefix) throw new RangeError(`prefix ${prefix} leaves no outgoing series`);
	return outgoing;
}

/**
 * The two books of numbers (AGN Acuerdo 060 de 2001): what the Alcaldía receives (radicados de
 * entrada) and what it sends (radicados de salida).
 */
export const NUMBERING_BOOKS = ['entrada', 'salida'] as const;
export type NumberingBook = (typeof NUMBERING_BOOKS)[number];

/** The prefix of `book`'s series, for a deployment whose entry prefix is `prefix`. */
export function bookPrefix(prefix: string, book: NumberingBook): string {
	return book === 'salida' ? outgoingPrefix(prefix) : (assertPrefix(prefix), prefix);
}

/** Which book numbers with `numberPrefix` belong to, for entry prefix `prefix`; null if neither. */
export function bookOf(prefix: string, numberPrefix: string): NumberingBook | null {
	return NUMBERING_BOOKS.find((book) => bookPrefix(prefix, book) === numberPrefix) ?? null;
}

/** True if `value` can be a radicado prefix (2–6 capital ASCII letters). */
export function isRadicadoPrefix(value: unknown): value is string {
	return typeof value === 'string' && PREFIX.test(value);
}

function assertPrefix(prefix: string): void {
	// A RangeError without a domain code: the prefix is deployment configuration, not user input.
	if (!isRadicadoPrefix(prefix)) {
		throw new RangeError(
			`radicado prefix must be 2–6 capital letters, got ${JSON.stringify(prefix)}`
		);
	}
}

function assertYear(year: number): void {
	if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) {
		throw new DomainInputError('numero_invalido', `radicado year must have 4 digits, got ${year}`);
	}
}

/**
 * Formats a radicado.
 * @throws {RangeError} for a malformed prefix; {@link DomainInputError} `numero_invalido` for a
 * year that is not four digits or a number outside 1 … {@link MAX_RADICADO_NUMBER}.
 * @example formatRadicado({ prefix: 'PG', year: 2026, number: 124 }) // 'PG-2026-000124'
 */
export function formatRadicado(parts: RadicadoParts): string {
	const { prefix, year, number } = parts;
	assertPrefix(prefix);
	assertYear(year);
	if (!Number.isSafeInteger(number) || number < 1 || number > MAX_RADICADO_NUMBER) {
		throw new DomainInputError(
			'numero_invalido',
			`radicado number must be 1–${MAX_RADICADO_NUMBER}, got ${number}`
		);
	}
	return `${prefix}-${year}-${String(number).padStart(6, '0')}`;
}

/**
 * Parses a radicado; `null` for anything that is not exactly `PREFIX-YYYY-NNNNNN` with a
 * number ≥ 1. Strict on purpose (no trimming, no lower case): callers that accept what people
 * type normalise first with {@link normalizeRadicadoInput}.
 * @example parseRadicado('PG-2026-000124') // { prefix: 'PG', year: 2026, number: 124 }
 */
export function parseRadicado(value: unknown): RadicadoParts | null {
	const m = typeof value === 'string' ? RADICADO.exec(value) : null;
	if (!m) return null;
	const year = Number(m[2]);
	const number = Number(m[3]);
	if (year < 1000 || number < 1) return null;
	return { prefix: m[1] ?? '', year, number };
}

/**
 * What a person typed or pasted, as a radicado candidate: trimmed, upper-cased, with the
 * en/em dashes and spaces phones and word processors substitute for hyphens turned back, and
 * the consecutive zero-padded ("pg-2026-124" is what people copy from a letter or say on the
 * phone). The result still has to pass {@link parseRadicado}.
 */
export function normalizeRadicadoInput(value: string): string {
	return value
		.trim()
		.toUpperCase()
		.replace(/[\s\u2010-\u2015\u2212]+/g, '-')
		.replace(
			/^([A-Z]+-\d{4}-)(\d{1,5})$/,
			(_, series: string, n: string) => series + n.padStart(6, '0')
		);
}

/**
 * The yearly series a radicado belongs to, `PREFIX-YYYY`: each series is numbered from 1.
 * @throws like {@link formatRadicado}.
 */
export function radicadoSeries(prefix: string, year: number): string {
	assertPrefix(prefix);
	assertYear(year);
	return `${prefix}-${year}`;
}

/** Parses a series `PREFIX-YYYY`; `null` if malformed. */
export function parseRadicadoSeries(value: unknown): { prefix: string; year: number } | null {
	const m = typeof value === 'string' ? SERIES.exec(value) : null;
	if (!m) return null;
	const year = Number(m[2]);
	return year < 1000 ? null : { prefix: m[1] ?? '', year };
}

/**
 * Whether a code typed on a tracking form (upper-cased) can be looked up: a radicado (the number
 * may be typed without its leading zeros) or the provisional code a device showed before the
 * request was filed (`PEND-` and 8 hex digits).
 */
export function isTrackingCode(code: string): boolean {
	return /^[A-Z]{2,6}-\d{4}-\d{1,6}$/.test(code) || /^PEND-[0-9A-F]{8}$/.test(code);
}
