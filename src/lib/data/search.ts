/**
 * Search for pages: on the device's own index when it holds the offline copy (no data used,
 * works without signal), otherwise on the server.
 */
import { browser } from '$app/environment';
import type { SearchHit } from '$lib/search/search-index';
import { packFlag } from '$lib/device-flags';

export interface SearchResult {
	hits: SearchHit[];
	where: 'dispositivo' | 'red';
	/** Time spent searching on the device (ms), when it searched locally. */
	ms?: number;
}

const LIMIT = 30;

export async function searchContent(fetch: typeof globalThis.fetch, q: string): Promise<SearchResult> {
	if (!q.trim()) return { hits: [], where: 'red' };
	if (browser && packFlag.read()) {
		const local = await searchLocally(q);
		if (local) return local;
	}
	try {
		const res = await fetch(`/api/buscar?q=${encodeURIComponent(q)}&limite=${LIMIT}`);
		if (!res.ok) throw new Error(String(res.status));
		const body = (await res.json()) as { hits: SearchHit[] };
		return { hits: body.hits, where: 'red' };
	} catch (e) {
		if (!browser) throw e;
		return (await searchLocally(q)) ?? { hits: [], where: 'dispositivo' };
	}
}

async function searchLocally(q: string): Promise<SearchResult | null> {
	const { localSearchIndex } = await import('./local-search-index');
	const index = await localSearchIndex();
	if (!index) return null;
	const start = performance.now();
	const hits = index.search(q, { limit: LIMIT });
	return { hits, where: 'dispositivo', ms: performance.now() - start };
}
