import { COOKIES, LOCALE_COOKIE_MAX_AGE_S, languageReturnPath } from '$lib/policy';
import { redirect } from '@sveltejs/kit';
import { locales } from '$lib/paraglide/runtime';
import { apiError } from '$lib/server/http/api-error';
import type { RequestHandler } from './$types';

/** Language switch without JavaScript: remembers the choice in a cookie and goes back. */
export const GET: RequestHandler = ({ params, url, cookies }) => {
	const locale = locales.find((l) => l === params.locale);
	if (!locale) return apiError('no_encontrado');
	cookies.set(COOKIES.locale, locale, {
		path: '/',
		maxAge: LOCALE_COOKIE_MAX_AGE_S,
		httpOnly: false,
		sameSite: 'lax',
		secure: false
	});
	// Only the portal's own pages (`$lib/policy`): never an open redirect.
	const back = languageReturnPath(url.searchParams.get('volver'));
	redirect(303, back);
};
