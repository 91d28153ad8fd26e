import { loadContent, loadContentList } from '$lib/data/content';
import { byTransparencyCode } from '$lib/content/sort';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const item = await loadContent(fetch, 'transparencia', params.slug);
	const isCategory = !item.doc.code.includes('.');
	const children = isCategory
		? (await loadContentList(fetch, 'transparencia')).items
				.filter((i) => i.code.startsWith(`${item.doc.code}.`))
				.sort(byTransparencyCode)
		: [];
	return { ...item, children };
};
