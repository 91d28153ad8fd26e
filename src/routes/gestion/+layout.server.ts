import { permissionsOf } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

/** Every back-office page needs a signed-in official, except the sign-in page itself. */
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (url.pathname === '/gestion/ingresar') return { user: null, permisos: [] };
	const user = requireUser(locals, url);
	return { user, permisos: permissionsOf(user.roles) };
};
