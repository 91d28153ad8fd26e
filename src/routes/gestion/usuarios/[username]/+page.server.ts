import { failWith } from '$lib/errors';
import { fail } from '@sveltejs/kit';
import { listContent } from '$lib/server/content/repo';
import { requirePermission } from '$lib/server/auth/guard';
import { readUserForm } from '$lib/server/auth/user-form';
import { getUser, updateUser, UserChangeRefused } from '$lib/server/auth/users';
import { postedForm } from '$lib/server/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'usuarios.gestionar');
	const user = /^[a-z][a-z0-9._-]{2,39}$/.test(params.username)
		? await getUser(params.username)
		: null;
	if (!user) failWith('no_encontrado', 'Usuario no encontrado');
	const dependencias = await listContent('dependencia');
	const { passwordHash: _h, _rev, _id, ...shown } = user;
	return {
		account: shown,
		dependencias: dependencias.map((d) => ({ slug: d.slug, title: d.title }))
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request, params }) => {
		const admin = requirePermission(locals, url, 'usuarios.gestionar');
		const form = readUserForm(await postedForm(request), params.username);
		if (!form.ok) return fail(400, { issues: form.issues, values: form.values });
		try {
			// A new password or a deactivation ends the account's sessions on every server.
			await updateUser(form.input, admin.username);
			return { saved: true };
		} catch (e) {
			if (e instanceof UserChangeRefused)
				return fail(409, { refused: e.code, values: form.values });
			throw e;
		}
	}
};
