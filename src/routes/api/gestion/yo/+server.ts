import { permisosOf } from '$lib/domain/permisos';
import { apiUser } from '$lib/server/auth/guard';
import { noStoreJson } from '$lib/server/solicitudes/http';
import type { RequestHandler } from './$types';

/** Who the device's session belongs to, so offline pages can show and keep it. */
export const GET: RequestHandler = ({ locals }) => {
	const { user, refusal } = apiUser(locals);
	if (refusal) return refusal;
	return noStoreJson({ ...user, permisos: permisosOf(user.roles) });
};
