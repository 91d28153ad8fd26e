import { loadContent, loadContentList } from '$lib/data/content';
import { byTransparencyCode } from '$lib/content/sort';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const item = await loadContent(fetch, 'transparencia', params.slug);
	// A category lists its items; an item its sub-items (6.2 → 6.2.1…6.2.6); a sub-item none.
	const depth = item.doc.code.split('.').length;
	const children =
		depth < 3
			? (await loadContentList(fetch, 'transparencia')).items
					.filter(
						(i) => i.code.startsWith(`${item.doc.code}.`) && i.code.split('.').length === depth + 1
					)
					.sort(byTransparencyCode)
			: [];
	return { ...item, children };
};
