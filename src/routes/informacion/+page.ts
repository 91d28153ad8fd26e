import { loadContentList } from '$lib/data/content';
import { byOrderThenTitle } from '$lib/content/sort';
import { PAGE_SECTIONS } from '$lib/schemas';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items } = await loadContentList(fetch, 'pagina');
	const sections = PAGE_SECTIONS.map((section) => ({
		section,
		pages: items.filter((p) => p.section === section).sort(byOrderThenTitle)
	})).filter((s) => s.pages.length);
	return { sections, all: items };
};
