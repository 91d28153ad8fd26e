import { loadContentList } from '$lib/data/content';
import { byOrderThenTitle } from '$lib/content/sort';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items } = await loadContentList(fetch, 'institucion');
	return { items: items.sort(byOrderThenTitle) };
};
