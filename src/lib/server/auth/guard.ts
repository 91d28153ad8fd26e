/**
 * Route guards for the back office. Pages redirect to sign-in or show 403; API routes answer
 * JSON errors with a code. The client may hide what these refuse, but these are what decide.
 */
import { failWith } from '$lib/errors';
import { redirect } from '@sveltejs/kit';
import { can, type Permission } from '$lib/domain/permissions';
import type { SessionUser } from '$lib/schemas';
import { apiError } from '$lib/server/http/api-error';

/** The signed-in official, or a redirect to the sign-in page that comes back here. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) {
		const back = url.pathname + url.search;
		redirect(303, `/gestion/ingresar?volver=${encodeURIComponent(back)}`);
	}
	return locals.user;
}

/** The signed-in official if they hold `permission`; otherwise sign-in or a 403 page. */
export function requirePermission(
	locals: App.Locals,
	url: URL,
	permission: Permission
): SessionUser {
	const user = requireUser(locals, url);
	if (!can(user, permission)) failWith('prohibido');
	return user;
}

/** For API routes: the official, or the JSON error response to send (401 / 403). */
export function apiUser(
	locals: App.Locals,
	permission?: Permission
): { user: SessionUser; refusal?: undefined } | { user?: undefined; refusal: Response } {
	if (!locals.user) {
		return {
			refusal: apiError('sesion_requerida')
		};
	}
	if (permission && !can(locals.user, permission)) {
		return {
			refusal: apiError('prohibido')
		};
	}
	return { user: locals.user };
}
