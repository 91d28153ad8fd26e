/// <reference lib="webworker" />
// Builds the offline search index off the page's main thread; see rebuild-search-index.ts.
import { rebuildSearchIndex } from './rebuild-search-index';

self.onmessage = async (event: MessageEvent<{ sourceSeq: string | number }>) => {
	try {
		const docCount = await rebuildSearchIndex(event.data.sourceSeq);
		self.postMessage({ ok: true, docCount });
	} catch (e) {
		self.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
	}
};
