import type { SearchIndex } from './search-index';

/** A query as a citizen types it, and the pages any of which answers it. */
export interface RecallCase {
	q: string;
	finds: string[];
}

export interface RecallResult {
	/** Share of cases answered within the first `top` results, 0–1. */
	recall: number;
	/** Cases whose pages were not among the first `top` results. */
	missed: Array<RecallCase & { got: string[] }>;
}

/**
 * How often a query finds a page that answers it among the first `top` results: the measure of
 * a forgiving search on a set of misspelled and colloquial queries (misspellings.json), used by
 * the seed-content test and by the bench.
 */
export function measureRecall(
	index: SearchIndex,
	cases: readonly RecallCase[],
	top = 3
): RecallResult {
	const missed: RecallResult['missed'] = [];
	for (const c of cases) {
		const got = index.search(c.q, { limit: top }).map((h) => h.url);
		if (!got.some((url) => c.finds.includes(url))) missed.push({ ...c, got });
	}
	return { recall: cases.length ? (cases.length - missed.length) / cases.length : 1, missed };
}
