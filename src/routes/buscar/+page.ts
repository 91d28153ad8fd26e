import { searchContent } from '$lib/data/search';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	return { q, result: await searchContent(fetch, q) };
};
