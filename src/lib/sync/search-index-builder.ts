/**
 * The page's side of the offline search index during a pull: hands each stored pack segment to
 * the search-index worker, then asks it for the finished index (`incremental-search-index.ts`).
 * The worker starts once the essentials are stored, so neither they nor a pull that brings
 * nothing wait for its script; where a worker cannot run, the same work happens on the page.
 */
import type { IncrementalSearchIndex, StoredDoc } from './incremental-search-index';

export type SearchIndexRequest =
	/** A segment's text as downloaded (`{ docs }`): a string is copied to the worker at once,
	 * where thousands of objects would hold up the page while they are cloned. */
	{ kind: 'segment'; text: string } | { kind: 'finish'; sourceSeq: string | number };

export type SearchIndexReply =
	| { kind: 'finished'; docCount: number }
	| { kind: 'failed'; error: string }
	/** After `finished`: the index's parts are joined (or there was nothing to join). */
	| { kind: 'compacted' };

/** Longest wait, after a pull, for the worker to join the index's parts before it is ended. */
export const COMPACT_TIMEOUT_MS = 60_000;

/** A pack segment just stored: its text as downloaded and its documents as parsed from it. */
export interface StoredSegment {
	text: string;
	docs: StoredDoc[];
	/** Part of the essentials, which come first (`$lib/content/essentials`). */
	essentials: boolean;
}

export interface SearchIndexBuilder {
	/** A segment's documents are in the replica: index them while the next one downloads. */
	segmentStored(segment: StoredSegment): void;
	/** Indexes what is left, stores the index; resolves to the documents on the device. */
	finish(sourceSeq: string | number): Promise<number>;
	/** Ends the worker: once it has joined the index's parts after `finish`, at once otherwise. */
	close(): void;
}

export function searchIndexBuilder(): SearchIndexBuilder {
	let worker: Worker | null | undefined;
	/** Why the worker cannot be used (its script did not load), once known. */
	let failure: Error | undefined;
	/** Segments held until the worker starts. */
	const held: StoredSegment[] = [];
	const start = (): Worker | null => {
		if (worker !== undefined) return worker;
		try {
			worker = new Worker(new URL('./search-index.worker.ts', import.meta.url), {
				type: 'module'
			});
			// A script that fails to load says so once, maybe before `finish` listens.
			worker.onerror = (e) => (failure = new Error(e.message || 'worker'));
		} catch {
			worker = null;
		}
		return worker;
	};
	/** `finish` was answered by the worker, which then compacts the index. */
	let compacting = false;
	let onPage: Promise<IncrementalSearchIndex> | undefined;
	const pageIndex = () => (onPage ??= indexOnPage());
	const send = (segments: StoredSegment[]) => {
		const w = start();
		for (const { text, docs } of segments) {
			if (w) w.postMessage({ kind: 'segment', text } satisfies SearchIndexRequest);
			else void pageIndex().then((index) => index.addSegment(docs).catch(() => {}));
		}
	};

	return {
		segmentStored(segment) {
			held.push(segment);
			// The worker's script (~100 KB) is not fetched while the essentials download: on 3G
			// it would delay them by seconds. Their segments wait for it in memory.
			if (segment.essentials && worker === undefined) return;
			send(held.splice(0));
		},
		async finish(sourceSeq) {
			send(held.splice(0));
			const w = start();
			if (w) {
				try {
					return await new Promise<number>((resolve, reject) => {
						if (failure) return reject(failure);
						w.onmessage = ({ data }: MessageEvent<SearchIndexReply>) => {
							if (data.kind === 'finished') {
								compacting = true;
								resolve(data.docCount);
							} else if (data.kind === 'failed') reject(new Error(data.error));
							else compacting = false;
						};
						w.onerror = (e) => reject(new Error(e.message || 'worker'));
						w.postMessage({ kind: 'finish', sourceSeq } satisfies SearchIndexRequest);
					});
				} catch (e) {
					// A worker that failed (its script could not load, a module worker is not
					// supported): the page does it all, from the stored index or from scratch.
					console.warn('Índice de búsqueda: se construye en la página', e);
				}
			}
			return (await (w ? indexOnPage() : pageIndex())).finish(sourceSeq);
		},
		close() {
			if (!worker) return;
			const w = worker;
			if (!compacting) return w.terminate();
			const timer = setTimeout(() => w.terminate(), COMPACT_TIMEOUT_MS);
			w.onmessage = ({ data }: MessageEvent<SearchIndexReply>) => {
				if (data.kind !== 'compacted') return;
				clearTimeout(timer);
				w.terminate();
			};
		}
	};
}

async function indexOnPage(): Promise<IncrementalSearchIndex> {
	const [{ IncrementalSearchIndex }, { localContentDb }, { getAppDb }] = await Promise.all([
		import('./incremental-search-index'),
		import('./pouch'),
		import('$lib/db')
	]);
	return new IncrementalSearchIndex(localContentDb(), getAppDb());
}
