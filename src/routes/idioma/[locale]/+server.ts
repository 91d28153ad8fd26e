import { COOKIES } from '$lib/policy';
import { redirect } from '@sveltejs/kit';
import { locales } from '$lib/paraglide/runtime';
import { apiError } from '$lib/server/http/api-error';
import type { RequestHandler } from './$types';

const ONE_YEAR_S = 60 * 60 * 24 * 365;

/** Language switch without JavaScript: remembers the choice in a cookie and goes back. */
export const GET: RequestHandler = ({ params, url, cookies }) => {
	const locale = locales.find((l) => l === params.locale);
	if (!locale) return apiError('no_encontrado');
	cookies.set(COOKIES.locale, locale, {
		path: '/',
		maxAge: ONE_YEAR_S,
		httpOnly: false,
		sameSite: 'lax',
		secure: false
	});
	const back = url.searchParams.get('volver') ?? '/';
	// Only same-site paths: never an open redirect.
	redirect(303, /^\/(?![/\\])/.test(back) ? back : '/');
};
