import { loadContentList } from '$lib/data/content';
import { byTransparencyCode } from '$lib/content/sort';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items } = await loadContentList(fetch, 'transparencia');
	items.sort(byTransparencyCode);
	const categories = items
		.filter((i) => !i.code.includes('.'))
		.map((category) => ({
			category,
			items: items.filter((i) => i.code.startsWith(`${category.code}.`))
		}));
	return { categories, all: items };
};
