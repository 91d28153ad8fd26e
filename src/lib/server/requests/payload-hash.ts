/**
 * The fingerprint that makes filing idempotent: same request id + same fingerprint = the same
 * request sent again (a retry after a lost response), anything else under that id is a conflict.
 */
import { createHash } from 'node:crypto';
import type { Submission } from '$lib/schemas';
import { writeCanonicalJson } from '$lib/server/util/canonical-json';

/**
 * SHA-256 (hex) of the canonical submission **without its PIN**. The hash is stored next to the
 * request; with the PIN inside, anyone who can read the store could recover the PIN by trying
 * the million 6-digit values, which would defeat the slow PIN hash. A retry's PIN is checked
 * against the stored PIN hash instead (see file-request.ts).
 */
export function payloadHash(submission: Submission): string {
	const { pin: _pin, ...rest } = submission;
	const hash = createHash('sha256');
	writeCanonicalJson(rest, (text) => hash.update(text, 'utf8'));
	return hash.digest('hex');
}
