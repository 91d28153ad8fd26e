import { loadContent } from '$lib/data/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
	...(await loadContent(fetch, 'formulario', params.slug)),
	// A fresh id per visit; a saved draft (JavaScript) or the posted form (no JavaScript) wins.
	draftId: crypto.randomUUID()
});
