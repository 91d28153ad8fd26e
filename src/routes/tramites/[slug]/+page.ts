import { loadContent, loadContentList } from '$lib/data/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const [tramite, forms] = await Promise.all([
		loadContent(fetch, 'tramite', params.slug),
		loadContentList(fetch, 'formulario').catch(() => ({ items: [] }))
	]);
	return {
		...tramite,
		form: forms.items.find((f) => f.purpose === 'tramite' && f.tramite === params.slug) ?? null
	};
};
