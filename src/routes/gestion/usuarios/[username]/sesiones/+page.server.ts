import { redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/guard';
import { endSessionsOf } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

/** Nothing to show: the account's page has the button. */
export const load: PageServerLoad = ({ params }) => {
	redirect(303, `/gestion/usuarios/${params.username}`);
};

export const actions: Actions = {
	/** An administrator ends every session of an account, on every server. */
	default: async ({ locals, url, params }) => {
		requirePermission(locals, url, 'usuarios.gestionar');
		if (!/^[a-z][a-z0-9._-]{2,39}$/.test(params.username)) {
			redirect(303, '/gestion/usuarios');
		}
		const ended = await endSessionsOf(params.username);
		redirect(303, `/gestion/usuarios/${params.username}?sesiones=${ended}`);
	}
};
