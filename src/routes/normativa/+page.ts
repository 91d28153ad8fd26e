import { loadContentList } from '$lib/data/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items } = await loadContentList(fetch, 'norma');
	// Newest first; norms without force go last.
	items.sort(
		(a, b) => Number(b.inForce) - Number(a.inForce) || b.issuedAt.localeCompare(a.issuedAt)
	);
	return { items };
};
