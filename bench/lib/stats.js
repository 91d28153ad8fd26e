/**
 * Small statistics helpers for the bench: medians and percentiles of a list of numbers.
 */

/**
 * Value at quantile `q` (0…1) of `values` by the nearest-rank method; NaN for an empty list.
 * @param {readonly number[]} values
 * @param {number} q
 * @returns {number}
 */
export function quantile(values, q) {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil(q * sorted.length);
	return /** @type {number} */ (sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]);
}

/**
 * Median (the mean of the two middle values for an even count); NaN for an empty list.
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	const upper = /** @type {number} */ (sorted[mid]);
	if (sorted.length % 2) return upper;
	const lower = /** @type {number} */ (sorted[mid - 1]);
	return (lower + upper) / 2;
}

/**
 * @param {readonly number[]} values
 * @returns {number}
 */
export function max(values) {
	return values.length ? Math.max(...values) : NaN;
}

/**
 * Bytes as KB (1 KB = 1,024 bytes) with one decimal.
 * @param {number} bytes
 * @returns {string}
 */
export function kb(bytes) {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Milliseconds as "123 ms" or, from 10 s on, "12.3 s".
 * @param {number} ms
 * @returns {string}
 */
export function duration(ms) {
	if (!Number.isFinite(ms)) return 'n/a';
	return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
