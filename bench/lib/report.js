/**
 * Result rows, the printed table and the JSON files in bench/results/.
 *
 * Row ids are stable keys (later issues add rows; tools compare runs by id). `status` is
 * 'pass' / 'fail' against the budget, 'info' for figures without a budget of their own,
 * 'n/a' for what cannot be measured yet, and 'error' when the scenario could not run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {'pass' | 'fail' | 'info' | 'n/a' | 'error'} Status
 *
 * @typedef {object} Row
 * @property {string} id  stable key, e.g. "home.bytes.total"
 * @property {string} what  human description (also stable)
 * @property {string} measured  the figure as printed
 * @property {number | null} value  the figure as a number, in `unit`
 * @property {string} unit
 * @property {string} budget  as printed ('' when none)
 * @property {Status} status
 * @property {string} [note]  how it was measured, or why it fails / could not run
 */

/**
 * A row checked against an upper bound: pass when `value ≤ limit`.
 * @param {Omit<Row, 'status' | 'budget'> & { limit: number, budget: string }} row
 * @returns {Row}
 */
export function checked(row) {
	const { limit, ...rest } = row;
	const ok = row.value !== null && Number.isFinite(row.value) && row.value <= limit;
	return { ...rest, status: row.value === null ? 'error' : ok ? 'pass' : 'fail' };
}

/**
 * A figure without a budget of its own.
 * @param {Omit<Row, 'status' | 'budget'> & { budget?: string }} row
 * @returns {Row}
 */
export function info(row) {
	return { budget: '', ...row, status: 'info' };
}

/**
 * Rows standing for a scenario that could not run (crash or time limit).
 * @param {ReadonlyArray<{ id: string, what: string, budget?: string }>} expected
 * @param {unknown} error
 * @returns {Row[]}
 */
export function failedRows(expected, error) {
	const message = error instanceof Error ? error.message : String(error);
	return expected.map((r) => ({
		id: r.id,
		what: r.what,
		measured: 'error',
		value: null,
		unit: '',
		budget: r.budget ?? '',
		status: /** @type {Status} */ ('error'),
		note: message.split('\n')[0]
	}));
}

const LABEL = { pass: 'pass', fail: 'FAIL', info: 'info', 'n/a': 'n/a', error: 'ERROR' };

/**
 * The table as text: what | measured | budget | result.
 * @param {readonly Row[]} rows
 * @returns {string}
 */
export function formatTable(rows) {
	const header = ['what', 'measured', 'budget', 'result'];
	const cells = rows.map((r) => [r.what, r.measured, r.budget || '—', LABEL[r.status]]);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
	/** @param {string[]} c */
	const line = (c) => c.map((v, i) => v.padEnd(/** @type {number} */ (widths[i]))).join(' | ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join(
		'\n'
	);
}

/**
 * Writes `bench/results/<ISO timestamp>.json` and `bench/results/latest.json`.
 * @param {string} dir
 * @param {Record<string, unknown> & { startedAt: string }} report
 * @returns {string} the timestamped file's path
 */
export function writeResults(dir, report) {
	mkdirSync(dir, { recursive: true });
	const name = `${report.startedAt.replace(/:/g, '-')}.json`;
	const text = JSON.stringify(report, null, '\t') + '\n';
	const file = path.join(dir, name);
	writeFileSync(file, text);
	writeFileSync(path.join(dir, 'latest.json'), text);
	return file;
}
