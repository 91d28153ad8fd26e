/**
 * Reads the account form of the users page (plain HTML form, works without JavaScript) into the
 * shape `userInputSchema` checks, and maps refusals to the form's error codes.
 */
import { userInputSchema, type UserInput } from '$lib/schemas';
import { ROLES } from '$lib/schemas/vocab';

export type UserFormResult =
	{ ok: true; input: UserInput } | { ok: false; fields: string[]; values: Record<string, unknown> };

export function readUserForm(data: FormData, username?: string): UserFormResult {
	const text = (k: string) => String(data.get(k) ?? '').trim();
	const values = {
		username: username ?? text('username').toLowerCase(),
		name: text('name'),
		roles: data
			.getAll('roles')
			.map(String)
			.filter((r) => (ROLES as readonly string[]).includes(r)),
		...(text('dependencia') ? { dependencia: text('dependencia') } : {}),
		// The edit form sends a hidden `off` before the checkbox, so an unticked box still says so.
		active: data.has('active') ? data.getAll('active').includes('on') : true,
		...(String(data.get('password') ?? '') ? { password: String(data.get('password')) } : {})
	};
	const parsed = userInputSchema.safeParse(values);
	if (parsed.success) return { ok: true, input: parsed.data };
	const { password: _p, ...shown } = values;
	return {
		ok: false,
		fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'form')))],
		values: shown
	};
}
