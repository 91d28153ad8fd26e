import { loadContentList } from '$lib/data/content';
import { byTitle } from '$lib/content/sort';
import { TRAMITE_CATEGORIES } from '$lib/schemas';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items } = await loadContentList(fetch, 'tramite');
	const groups = TRAMITE_CATEGORIES.map((category) => ({
		category,
		items: items.filter((t) => t.category === category).sort(byTitle)
	})).filter((g) => g.items.length);
	return { groups, all: items };
};
