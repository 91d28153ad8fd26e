/**
 * The fingerprint that makes filing idempotent: same request id + same fingerprint = the same
 * request sent again (a retry after a lost response), anything else under that id is a conflict.
 */
import { createHash } from 'node:crypto';
import type { Submission } from '$lib/schemas';

/**
 * JSON with object keys sorted at every level, so the same data always gives the same text
 * whatever order a device serialised it in. Arrays keep their order (it is meaningful);
 * `undefined` members are dropped and non-finite numbers become `null`, as in `JSON.stringify`.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		// JSON.stringify(undefined) is undefined; inside arrays JSON writes null.
		return JSON.stringify(value) ?? 'null';
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		// Plain code-unit order (not localeCompare): stable across Node versions and ICU data.
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * SHA-256 (hex) of the canonical submission **without its PIN**. The hash is stored next to the
 * request; with the PIN inside, anyone who can read the store could recover the PIN by trying
 * the million 6-digit values, which would defeat the slow PIN hash. A retry's PIN is checked
 * against the stored PIN hash instead (see file-request.ts).
 */
export function payloadHash(submission: Submission): string {
	const { pin: _pin, ...rest } = submission;
	return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}
