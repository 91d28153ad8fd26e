/**
 * Text checks the shared schemas leave to the server, on a submission: every free-text value
 * must be clean text and file names must not carry bidi controls (rules in `$lib/schemas/text`).
 */
import type { Submission } from '$lib/schemas';
import { hasBidiControl, isCleanText } from '$lib/schemas/text';

export interface Issue {
	/** Dotted path of the offending member, e.g. `values.descripcion`; never its value. */
	path: string;
	code: string;
}

/** Problems with the submission's text, as paths and codes (empty when there are none). */
export function textIssues(submission: Submission): Issue[] {
	const issues: Issue[] = [];
	const check = (path: string, value: unknown, fileName = false) => {
		if (typeof value !== 'string') return;
		if (!isCleanText(value) || (fileName && hasBidiControl(value))) {
			issues.push({ path, code: 'caracteres_no_permitidos' });
		}
	};
	for (const [name, value] of Object.entries(submission.values)) check(`values.${name}`, value);
	for (const [name, value] of Object.entries(submission.applicant ?? {})) {
		check(`applicant.${name}`, value);
	}
	check('consent.policyVersion', submission.consent?.policyVersion);
	submission.attachments.forEach((a, i) => check(`attachments.${i}.name`, a.name, true));
	return issues;
}
