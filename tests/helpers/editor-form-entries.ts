/**
 * The posted fields of the content editor for some values, as a browser sends them: the common
 * fields and the YAML box by name, and a type's own form control by control (unticked boxes send
 * nothing; each row of a row group its numbered boxes).
 */
import { ownControlId, ownFieldsOf } from '../../src/lib/content/own-fields';
import type { EditorValues } from '../../src/lib/forms/backoffice-values';
import type { ContentType } from '../../src/lib/schemas';

export function editorFormEntries(
	type: ContentType,
	values: EditorValues
): Record<string, string | string[]> {
	const { own, ...common } = values;
	const out: Record<string, string | string[]> = { ...common };
	for (const field of ownFieldsOf(type) ?? []) {
		const value = own?.[field.key];
		const put = (name: string, v: unknown) => {
			if (v === true) out[name] = 'on';
			else if (typeof v === 'string') out[name] = v;
		};
		switch (field.control) {
			case 'choices':
				out[ownControlId(field.key)] = (value as string[]) ?? [];
				break;
			case 'group':
				for (const [k, v] of Object.entries((value as Record<string, unknown>) ?? {})) {
					put(ownControlId(field.key, k), v);
				}
				break;
			case 'rows':
				((value as Array<Record<string, unknown>>) ?? []).forEach((row, n) => {
					for (const [k, v] of Object.entries(row)) put(ownControlId(field.key, n, k), v);
				});
				break;
			default:
				put(ownControlId(field.key), value);
		}
	}
	return out;
}
