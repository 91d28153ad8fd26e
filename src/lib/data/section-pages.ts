import { byOrderThenTitle } from '$lib/content/sort';
import type { ContentDocOf } from '$lib/schemas';
import { loadContentList } from './content';

/** The pages of one or more sections, in their editorial order. */
export async function loadSectionPages(
	fetch: typeof globalThis.fetch,
	sections: ContentDocOf<'pagina'>['section'][]
) {
	const { items } = await loadContentList(fetch, 'pagina');
	return items.filter((p) => sections.includes(p.section)).sort(byOrderThenTitle);
}
