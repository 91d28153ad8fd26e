import { getAppDb } from '$lib/db';
import { SearchIndex } from '$lib/search/search-index';
import { toSearchDoc } from '$lib/search/search-doc';
import { saveSearchIndex } from '$lib/search/search-store';
import { allLocalContent } from './content-local';

/**
 * Rebuilds the offline search index from the device's copy of the content and stores it.
 * Runs in a Web Worker (search-index.worker.ts) so a phone stays responsive while it works
 * (measured: ~5 s for 5,000 documents at 4× CPU slowdown, in one task), and here on the page
 * where workers are not available.
 */
export async function rebuildSearchIndex(sourceSeq: string | number): Promise<number> {
	const docs = await allLocalContent();
	const index = SearchIndex.build(docs.flatMap((d) => toSearchDoc(d) ?? []));
	await saveSearchIndex(getAppDb(), index, { sourceSeq });
	return docs.length;
}
