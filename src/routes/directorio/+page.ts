import { loadContentList } from '$lib/data/content';
import { byOrderThenTitle } from '$lib/content/sort';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [offices, institutions] = await Promise.all([
		loadContentList(fetch, 'dependencia'),
		loadContentList(fetch, 'institucion')
	]);
	const groups = institutions.items
		.sort(byOrderThenTitle)
		.map((institution) => ({
			institution,
			offices: offices.items
				.filter((o) => o.institution === institution.slug)
				.sort(byOrderThenTitle)
		}))
		.filter((g) => g.offices.length);
	return { groups, all: offices.items };
};
