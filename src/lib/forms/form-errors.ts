/**
 * A posted form's issues as its page shows them: the message next to each field and the error
 * summary whose items link to the fields (GOV.UK pattern). Texts come from messages/ through
 * the issue's code, in the page's language.
 */
import { issueText } from './error-text';
import { concerns, type FormIssue } from './form-result';

/**
 * The control an issue belongs to: its id (the summary's link) and its label, which the summary
 * puts before the message (none when the message names the field itself).
 */
export interface FieldRef {
	id: string;
	label?: string;
}

/** Says which control an issue is about; `undefined` for the form as a whole. */
export type Locate = (issue: FormIssue) => FieldRef | undefined;

export interface SummaryItem {
	href?: string;
	text: string;
}

export class FormErrors {
	readonly issues: readonly FormIssue[];
	readonly #locate: Locate;
	readonly #text: (issue: FormIssue) => string;

	/** `text` overrides the message of an issue (e.g. one written for a particular field). */
	constructor(
		issues: readonly FormIssue[],
		locate: Locate,
		text: (issue: FormIssue) => string = issueText
	) {
		this.issues = issues;
		this.#locate = locate;
		this.#text = text;
	}

	/** The message of the issue at exactly `path` (and `row`), if there is one. */
	at(path: string, row?: number): string | undefined {
		const issue = this.issues.find((i) => i.path === path && (row === undefined || i.row === row));
		return issue && this.#text(issue);
	}

	/** The first issue about `field` or a place inside it (and `row`). */
	within(field: string, row?: number): FormIssue | undefined {
		return this.issues.find((i) => concerns(i, field, row));
	}

	/** Whether anything about `field` (or inside it, in `row`) is wrong. */
	has(field: string, row?: number): boolean {
		return this.within(field, row) !== undefined;
	}

	/** The message of an issue, as the field shows it. */
	text(issue: FormIssue): string {
		return this.#text(issue);
	}

	/** The error summary: "Label: message", linked to the control, in the order of the issues. */
	get summary(): SummaryItem[] {
		return this.issues.map((issue) => {
			const field = this.#locate(issue);
			const text = this.#text(issue);
			if (!field) return { text };
			return { href: `#${field.id}`, text: field.label ? `${field.label}: ${text}` : text };
		});
	}
}
