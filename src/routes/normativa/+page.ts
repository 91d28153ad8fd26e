import { loadContentList } from '$lib/data/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items } = await loadContentList(fetch, 'norma');
	// In force first, then those whose force is unconfirmed, then the rest; newest first in each.
	const rank = (v: boolean | 'por-confirmar') => (v === true ? 0 : v === 'por-confirmar' ? 1 : 2);
	items.sort((a, b) => rank(a.inForce) - rank(b.inForce) || b.issuedAt.localeCompare(a.issuedAt));
	return { items };
};
