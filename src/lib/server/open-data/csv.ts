/**
 * CSV as RFC 4180 describes it: a header row, CRLF between records, every field in double
 * quotes with inner quotes doubled (so commas, quotes and line breaks inside a field are safe).
 *
 * Two additions for the people who will open these files in a spreadsheet:
 * - A UTF-8 byte-order mark: Excel on Windows reads a CSV without it as ANSI and turns
 *   "Petición" into "PeticiÃ³n"; parsers that follow the RFC treat it as part of the first
 *   header unless they strip it, so the field dictionary says it is there.
 * - Formula injection guard (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`,
 *   `@`, tab or carriage return is run as a formula by spreadsheets; those cells get a leading
 *   apostrophe, which spreadsheets show as text. Numbers are written as numbers and never
 *   prefixed, so negative values stay numeric.
 */

export type CsvValue = string | number | boolean | null | undefined | readonly string[];

/** Separator for a list inside one cell (evidence URLs, channels). */
export const LIST_SEPARATOR = ' | ';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** The text of one cell before quoting. */
export function cellText(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = typeof value === 'string' ? value : value.join(LIST_SEPARATOR);
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * Serialises `rows` with the given `columns` (header order). Every record ends with CRLF,
 * the last one included, as RFC 4180 allows.
 */
export function toCsv<Row extends Record<string, CsvValue>>(
	columns: readonly (keyof Row & string)[],
	rows: readonly Row[]
): string {
	const lines = [columns.map(quote).join(',')];
	for (const row of rows) lines.push(columns.map((c) => quote(cellText(row[c]))).join(','));
	return BOM + lines.join(CRLF) + CRLF;
}
