import { loadContentList } from '$lib/data/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items } = await loadContentList(fetch, 'formulario');
	return {
		forms: items
			.map((f) => ({ slug: f.slug, title: f.title, purpose: f.purpose }))
			.sort((a, b) => a.title.localeCompare(b.title, 'es'))
	};
};
