import { permissionsOf } from '$lib/domain/permissions';
import { apiUser } from '$lib/server/auth/guard';
import { noStoreJson } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/** Who the device's session belongs to, so offline pages can show and keep it. */
export const GET: RequestHandler = ({ locals }) => {
	const { user, refusal } = apiUser(locals);
	if (refusal) return refusal;
	return noStoreJson({ ...user, permisos: permissionsOf(user.roles) });
};
