import { loadContentList } from '$lib/data/content';
import { byOrderThenTitle } from '$lib/content/sort';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [pages, sessions] = await Promise.all([
		loadContentList(fetch, 'pagina'),
		loadContentList(fetch, 'sesion-concejo')
	]);
	return {
		pages: pages.items.filter((p) => p.section === 'concejo').sort(byOrderThenTitle),
		sessions: sessions.items.sort((a, b) => b.date.localeCompare(a.date))
	};
};
