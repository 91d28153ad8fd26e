/**
 * Text checks the shared schemas leave to the server. Emoji, accents, right-to-left scripts and
 * any other real writing are accepted everywhere a person writes; what is refused is what no
 * keyboard produces and what breaks or spoofs downstream systems:
 * - control characters (NUL and friends) other than tab and line breaks in free text;
 * - lone UTF-16 surrogates, which are not Unicode text at all (CouchDB rejects them, and
 *   exports and e-mails would mangle them);
 * - bidirectional overrides and isolates in file names, the classic `factura‮fdp.exe` trick
 *   that makes an officer open something other than what the name shows.
 */
import type { Submission } from '$lib/schemas';

export interface Issue {
	/** Dotted path of the offending member, e.g. `values.descripcion`; never its value. */
	path: string;
	code: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** True if `text` is well-formed Unicode with no control characters but tab, CR and LF. */
export function isCleanText(text: string): boolean {
	return !CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/** Problems with the submission's text, as paths and codes (empty when there are none). */
export function textIssues(submission: Submission): Issue[] {
	const issues: Issue[] = [];
	const check = (path: string, value: unknown, extra?: RegExp) => {
		if (typeof value !== 'string') return;
		if (!isCleanText(value) || (extra && extra.test(value))) {
			issues.push({ path, code: 'caracteres_no_permitidos' });
		}
	};
	for (const [name, value] of Object.entries(submission.values)) check(`values.${name}`, value);
	for (const [name, value] of Object.entries(submission.applicant ?? {})) {
		check(`applicant.${name}`, value);
	}
	check('consent.policyVersion', submission.consent?.policyVersion);
	submission.attachments.forEach((a, i) => check(`attachments.${i}.name`, a.name, BIDI_CONTROL));
	return issues;
}
