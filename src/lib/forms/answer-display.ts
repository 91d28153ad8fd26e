/**
 * A request's answers as an official reads them: each value under its field's label, in the
 * form's order, a choice as the words the citizen picked (not its stored value, e.g.
 * `mas-de-5-anos`), yes and no in words. A value whose field the form no longer has (the form
 * was edited since) keeps its stored name, last.
 */
import type { FormField } from '$lib/schemas';

export type AnsweredField = Pick<FormField, 'name' | 'label' | 'options'>;

export interface AnswerRow {
	name: string;
	label: string;
	text: string;
}

export function answerRows(
	fields: readonly AnsweredField[] | undefined,
	values: Readonly<Record<string, string | boolean>>,
	words: { yes: string; no: string }
): AnswerRow[] {
	const known = new Map((fields ?? []).map((f) => [f.name, f]));
	const ordered = [
		...(fields ?? []).map((f) => f.name).filter((name) => Object.hasOwn(values, name)),
		...Object.keys(values).filter((name) => !known.has(name))
	];
	return ordered.map((name) => {
		const field = known.get(name);
		const value = values[name] as string | boolean;
		const text =
			typeof value === 'boolean'
				? value
					? words.yes
					: words.no
				: (field?.options.find((o) => o.value === value)?.label ?? value);
		return { name, label: field?.label ?? name, text };
	});
}
