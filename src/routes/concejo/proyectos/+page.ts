import { loadContentList } from '$lib/data/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items, source } = await loadContentList(fetch, 'proyecto-acuerdo');
	return { source, items: items.sort((a, b) => b.filedAt.localeCompare(a.filedAt)) };
};
