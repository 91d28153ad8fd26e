import { fail, redirect } from '@sveltejs/kit';
import { COOKIES, safeReturnPath } from '$lib/policy';
import { login } from '$lib/server/auth/login';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { postedForm, text } from '$lib/server/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

/**
 * Only back-office pages (`$lib/policy`) and the official's field workspace: `volver` must never
 * send an official elsewhere.
 */
const safeReturn = (value: string | null) =>
	value === FIELD_WORKSPACE
		? FIELD_WORKSPACE
		: safeReturnPath(value, { allow: ['private'], fallback: '/gestion' });
const FIELD_WORKSPACE = '/trabajo';

/** The known-device cookie travels with sign-in posts only (never with pages a cache shares). */
const KNOWN_DEVICE_PATH = '/gestion/ingresar';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturn(url.searchParams.get('volver')));
	return { volver: safeReturn(url.searchParams.get('volver')) };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const data = await postedForm(request);
		const username = text(data, 'usuario', { trim: false });
		const password = text(data, 'clave', { trim: false });
		const volver = safeReturn(text(data, 'volver', { trim: false }));
		if (!username.trim() || !password) return fail(400, { username, missing: true });
		const result = await login(
			username,
			password,
			getClientAddress(),
			cookies.get(COOKIES.knownDevice)
		);
		if (!result.ok) {
			return result.code === 'demasiados_intentos'
				? fail(429, { username, retryAfter: result.retryAfter })
				: fail(401, { username, invalid: true });
		}
		const { token, expires } = await createSession(result.user.username);
		cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires
		});
		cookies.set(COOKIES.knownDevice, result.knownDevice, {
			path: KNOWN_DEVICE_PATH,
			httpOnly: true,
			sameSite: 'strict',
			secure: url.protocol === 'https:',
			maxAge: 365 * 24 * 3600
		});
		redirect(303, volver);
	}
};
