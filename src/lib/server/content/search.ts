import { SearchIndex } from '$lib/search/search-index';
import { toSearchDoc } from '$lib/search/search-doc';
import { allContent, contentSeq } from './repo';

let cached: { seq: string | number; index: SearchIndex } | undefined;

/**
 * The server's search index (for the no-JavaScript search page and devices without their copy
 * yet): the same index class devices use, rebuilt when the content database changes.
 */
export async function serverSearchIndex(): Promise<SearchIndex> {
	const seq = await contentSeq();
	if (cached?.seq !== seq) {
		const docs = await allContent();
		cached = { seq, index: SearchIndex.build(docs.flatMap((d) => toSearchDoc(d) ?? [])) };
	}
	return cached.index;
}
