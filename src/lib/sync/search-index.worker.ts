/// <reference lib="webworker" />
// Keeps the offline search index off the page's main thread (see incremental-search-index.ts):
// a phone stays responsive while segments are indexed during a pull.
import { getAppDb } from '$lib/db';
import { IncrementalSearchIndex, type StoredDoc } from './incremental-search-index';
import { localContentDb } from './pouch';
import type { SearchIndexReply, SearchIndexRequest } from './search-index-builder';

const index = new IncrementalSearchIndex(localContentDb(), getAppDb());
const reply = (message: SearchIndexReply) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<SearchIndexRequest>) => {
	const request = event.data;
	if (request.kind === 'segment') {
		const { docs } = JSON.parse(request.text) as { docs: StoredDoc[] };
		await index.addSegment(docs).catch((e: unknown) => console.warn(e));
		return;
	}
	try {
		reply({ kind: 'finished', docCount: await index.finish(request.sourceSeq) });
	} catch (e) {
		reply({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
		return;
	}
	// Search already works from the parts; joining them makes later reads faster.
	await index.compact().catch((e: unknown) => console.warn(e));
	reply({ kind: 'compacted' });
};
