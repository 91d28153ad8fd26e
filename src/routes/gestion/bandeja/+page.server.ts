import { PQRSD_TERMS, PQRSD_TYPES } from '$lib/domain/plazos';
import { requirePermiso } from '$lib/server/auth/guard';
import { inboxFilterSchema, inboxFor } from '$lib/server/gestion/inbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermiso(locals, url, 'solicitudes.bandeja');
	const filter = inboxFilterSchema.parse(Object.fromEntries(url.searchParams));
	const { items, total, veredas } = await inboxFor(user, filter);
	return {
		filter,
		items,
		total,
		veredas,
		tipos: [
			...PQRSD_TYPES.map((t) => ({ value: t, label: PQRSD_TERMS[t].label })),
			{ value: 'tramite', label: 'Trámite' }
		]
	};
};
