import { loadContent } from '$lib/data/content';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ fetch }) => {
	// The footer is useful but not worth failing a page for when it is not available offline.
	const sitio = await loadContent(fetch, 'sitio', 'sitio')
		.then((r) => r.doc)
		.catch(() => null);
	return { sitio };
};
