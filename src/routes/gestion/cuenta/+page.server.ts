import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { endSessionsOf, openSessions, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { changeOwnPassword } from '$lib/server/auth/own-password';
import { postedForm, text } from '$lib/server/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

/** An official's own account: their open sessions and their password. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { sessions: await openSessions(user.username) };
};

export const actions: Actions = {
	/** Ends every other session of this account (a forgotten or stolen one), on every server. */
	sesiones: async ({ locals, url, cookies }) => {
		const user = requireUser(locals, url);
		const ended = await endSessionsOf(user.username, { keep: cookies.get(SESSION_COOKIE) });
		return { ended };
	},

	clave: async ({ locals, url, cookies, request }) => {
		const user = requireUser(locals, url);
		const data = await postedForm(request);
		const current = text(data, 'actual', { trim: false });
		const next = text(data, 'nueva', { trim: false });
		if (next !== text(data, 'repetida', { trim: false })) {
			return fail(400, { problem: 'claves_distintas' as const });
		}
		const result = await changeOwnPassword(
			user.username,
			current,
			next,
			cookies.get(SESSION_COOKIE)
		);
		if (result.ok) return { changed: true };
		return result.problem === 'demasiados_intentos'
			? fail(429, { problem: result.problem, retryAfter: result.retryAfter })
			: fail(400, { problem: result.problem });
	}
};
