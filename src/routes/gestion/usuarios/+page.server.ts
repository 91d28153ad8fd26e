import { fail } from '@sveltejs/kit';
import { listContent } from '$lib/server/content/repo';
import { requirePermission } from '$lib/server/auth/guard';
import { readUserForm } from '$lib/server/auth/user-form';
import { createUser, listUsers, UserChangeRefused } from '$lib/server/auth/users';
import { postedForm } from '$lib/server/forms/form-data';
import type { FormIssue } from '$lib/forms/form-result';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'usuarios.gestionar');
	const [users, dependencias] = await Promise.all([listUsers(), listContent('dependencia')]);
	return {
		users: users.map(({ username, name, roles, dependencia, active, updatedAt, updatedBy }) => ({
			username,
			name,
			roles,
			dependencia,
			active,
			updatedAt,
			updatedBy
		})),
		dependencias: dependencias.map((d) => ({ slug: d.slug, title: d.title }))
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const admin = requirePermission(locals, url, 'usuarios.gestionar');
		const form = readUserForm(await postedForm(request));
		if (!form.ok) return fail(400, { issues: form.issues, values: form.values });
		if (!form.input.password) {
			const issues: FormIssue[] = [{ path: 'password', code: 'requerido' }];
			return fail(400, { issues, values: form.values });
		}
		try {
			const doc = await createUser(form.input, admin.username);
			return { created: doc.username };
		} catch (e) {
			if (e instanceof UserChangeRefused)
				return fail(409, { refused: e.code, values: form.values });
			throw e;
		}
	}
};
