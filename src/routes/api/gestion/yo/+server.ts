import { permissionsOf } from '$lib/domain/permissions';
import { apiUser } from '$lib/server/auth/guard';
import { SESSION_COOKIE, sessionOf } from '$lib/server/auth/sessions';
import { issueCapturePass } from '$lib/server/requests/hand-in';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/**
 * Who the device's session belongs to, so offline pages can show and keep it, and the session's
 * capture pass: the field device signs the hand-in time of each capture with it.
 */
export const GET: RequestHandler = async ({ locals, cookies }) => {
	const { user, refusal } = apiUser(locals);
	if (refusal) return refusal;
	try {
		const session = await sessionOf(cookies.get(SESSION_COOKIE));
		return noStoreJson({
			...user,
			permisos: permissionsOf(user.roles),
			...(session ? { capturePass: await issueCapturePass(session) } : {})
		});
	} catch (e) {
		return storeFailure(e);
	}
};
