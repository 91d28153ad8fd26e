import { COOKIES } from '$lib/policy';
import { endSession } from '$lib/server/auth/sessions';
import { apiError } from '$lib/server/http/api-error';
import type { RequestHandler } from './$types';

/**
 * The server's half of ending a kiosk session: the cookies the kiosk's script cannot remove
 * (HttpOnly) go, with the language choice. An official who signed in on the kiosk is signed
 * out (the session ends in the store, not only on this screen); the consulta device key and the
 * forms' receipt key of the last citizen go too. The kiosk's enrolment stays. Only a kiosk may
 * ask: on any other device this is 404 `no_es_kiosco` and nothing changes.
 */
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	const headers = { 'cache-control': 'no-store' };
	if (!locals.kiosk) return apiError('no_es_kiosco', { headers });
	await endSession(cookies.get(COOKIES.session));
	const secure = url.protocol === 'https:';
	cookies.delete(COOKIES.session, { path: '/', secure });
	cookies.delete(COOKIES.device, { path: '/', secure });
	cookies.delete(COOKIES.receipt, { path: '/formularios', secure });
	cookies.delete(COOKIES.locale, { path: '/', secure });
	return new Response(null, { status: 204, headers });
};
