import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { listProposals, lastAt } from '$lib/server/proposals/store';
import type { PageServerLoad } from './$types';

/** Any back-office account sees its own proposals; the committee sees them all. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const proposals = await listProposals(user);
	return {
		committee: can(user, 'plan.gestionar'),
		proposals: proposals.map((p) => ({
			id: p.id,
			name: p.input.name,
			by: p.proposedBy.name,
			status: p.status,
			at: lastAt(p)
		}))
	};
};
