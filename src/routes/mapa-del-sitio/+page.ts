import { loadContentList } from '$lib/data/content';
import { byOrderThenTitle, byTitle } from '$lib/content/sort';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [pages, tramites] = await Promise.all([
		loadContentList(fetch, 'pagina'),
		loadContentList(fetch, 'tramite')
	]);
	return { pages: pages.items.sort(byOrderThenTitle), tramites: tramites.items.sort(byTitle) };
};
