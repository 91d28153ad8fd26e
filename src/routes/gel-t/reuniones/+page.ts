import { loadContentList } from '$lib/data/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items, source } = await loadContentList(fetch, 'reunion-gelt');
	return { meetings: items.sort((a, b) => b.date.localeCompare(a.date)), source };
};
