import { loadContentList } from '$lib/data/content';
import { byDateDesc } from '$lib/content/sort';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items } = await loadContentList(fetch, 'noticia');
	return { items: items.sort(byDateDesc) };
};
