import { loadSectionPages } from '$lib/data/section-pages';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({
	pages: await loadSectionPages(fetch, ['participa', 'gel-t'])
});
