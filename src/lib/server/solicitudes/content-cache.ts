/**
 * The few content documents filing needs (the form, the trámite, the site's closure days),
 * read through a short-lived cache. A burst of submissions (a field official's phone syncing a
 * day of work, a kiosk queue) would otherwise read the same documents once per request, and
 * the store's throughput is what bounds filing. Five seconds of staleness after an editor
 * publishes a change is harmless: the form engine's rules change rarely and never per second.
 */
import type { ContentDocOf, ContentType } from '$lib/schemas';
import { getContent } from '$lib/server/content/repo';

const TTL_MS = 5_000;
/** Forms and trámites are a few dozen; the bound only guards against surprises. */
const MAX_ENTRIES = 500;

const cache = new Map<string, { at: number; doc: Promise<unknown> }>();

/** `getContent` with a 5-second cache; concurrent reads of one document share one request. */
export function cachedContent<T extends ContentType>(
	type: T,
	slug: string,
	now = Date.now()
): Promise<ContentDocOf<T> | null> {
	const key = `${type}:${slug}`;
	const hit = cache.get(key);
	if (hit && now - hit.at < TTL_MS) return hit.doc as Promise<ContentDocOf<T> | null>;
	const doc = getContent(type, slug);
	if (cache.size >= MAX_ENTRIES) cache.clear();
	cache.set(key, { at: now, doc });
	// Misses and failures are not kept: a form published a moment later must be found, and a
	// store hiccup must not be remembered.
	doc.then(
		(d) => d === null && cache.get(key)?.doc === doc && cache.delete(key),
		() => cache.get(key)?.doc === doc && cache.delete(key)
	);
	return doc;
}
