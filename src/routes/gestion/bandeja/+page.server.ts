import { PQRSD_TERMS } from '$lib/domain/deadlines';
import { PQRSD_TYPES } from '$lib/schemas/vocab';
import { requirePermission } from '$lib/server/auth/guard';
import { inboxFilterSchema, inboxFor } from '$lib/server/backoffice/inbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'solicitudes.bandeja');
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
