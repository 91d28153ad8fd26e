/**
 * Reads the account form of the users page (plain HTML form, works without JavaScript) into the
 * shape `userInputSchema` checks. The values shown again never include the password.
 */
import { userInputSchema, type UserInput } from '$lib/schemas';
import { ROLES } from '$lib/schemas/vocab';
import type { UserFormValues } from '$lib/forms/backoffice-values';
import type { FormResult } from '$lib/forms/form-result';
import { checkForm } from '$lib/forms/zod-issues';
import { text } from '$lib/server/forms/form-data';

export function readUserForm(
	data: FormData,
	username?: string
): FormResult<UserInput, UserFormValues> {
	const values = {
		username: username ?? text(data, 'username').toLowerCase(),
		name: text(data, 'name'),
		roles: data
			.getAll('roles')
			.map(String)
			.filter((r) => (ROLES as readonly string[]).includes(r)),
		...(text(data, 'dependencia') ? { dependencia: text(data, 'dependencia') } : {}),
		// The edit form sends a hidden `off` before the checkbox, so an unticked box still says so.
		active: data.has('active') ? data.getAll('active').includes('on') : true
	};
	const password = text(data, 'password', { trim: false });
	const checked = checkForm(userInputSchema, { ...values, ...(password ? { password } : {}) });
	return checked.ok
		? { ok: true, input: checked.data, values }
		: { ok: false, issues: checked.issues, values };
}
