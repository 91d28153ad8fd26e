import { loadContent } from '$lib/data/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
	...(await loadContent(fetch, 'formulario', params.slug)),
	draftId: crypto.randomUUID()
});
