import { loadContent, loadContentList } from '$lib/data/content';
import { byOrderThenTitle } from '$lib/content/sort';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const [entity, offices] = await Promise.all([
		loadContent(fetch, 'institucion', params.slug),
		loadContentList(fetch, 'dependencia')
	]);
	return {
		...entity,
		offices: offices.items.filter((o) => o.institution === params.slug).sort(byOrderThenTitle)
	};
};
