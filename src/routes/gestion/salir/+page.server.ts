import { redirect } from '@sveltejs/kit';
import { endSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

/** Signing out is a POST (a link could be triggered by another site); GET just goes back. */
export const load: PageServerLoad = () => redirect(303, '/gestion');

export const actions: Actions = {
	default: async ({ cookies }) => {
		await endSession(cookies.get(SESSION_COOKIE));
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/gestion/ingresar');
	}
};
