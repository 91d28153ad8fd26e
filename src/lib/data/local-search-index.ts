/**
 * The device's search index, loaded once from IndexedDB and kept in memory; reloaded when a new
 * offline pack was built (its build time changes).
 */
import { getAppDb } from '$lib/db';
import type { SearchIndex } from '$lib/search/search-index';
import { loadSearchIndex } from '$lib/search/search-store';
import { packFlag } from '$lib/device-flags';

let cached: { syncedAt: string; index: SearchIndex } | undefined;

export async function localSearchIndex(): Promise<SearchIndex | null> {
	const syncedAt = packFlag.read()?.syncedAt;
	if (!syncedAt) return null;
	if (cached?.syncedAt !== syncedAt) {
		const stored = await loadSearchIndex(getAppDb());
		if (!stored) return null;
		cached = { syncedAt, index: stored.index };
	}
	return cached.index;
}
