import type { AppDb } from '$lib/db/app-db';
import { contentDocSchema } from '$lib/schemas/content';
import { SearchIndex } from '$lib/search/search-index';
import { toSearchDoc, type SearchDoc } from '$lib/search/search-doc';
import {
	compactSearchIndex,
	loadSearchIndex,
	saveSearchIndex,
	saveSearchIndexPart,
	saveSearchIndexParts
} from '$lib/search/search-store';

type Replica = PouchDB.Database;

/**
 * The offline search index, kept up to date without analysing the same text twice (#16).
 *
 * A first pull indexes each pack segment as soon as it is stored (`addSegment`), while the next
 * one downloads, and stores that part of the index. When nothing else came (the usual case),
 * `finish` only commits the stored parts as the index: search works a moment after the last
 * segment is stored, and `compact` joins the parts afterwards. Otherwise `finish` indexes what
 * the segments did not bring (documents replicated after the pack, or stored by an earlier,
 * interrupted pull) and merges the parts (`SearchIndex.merge`). A later pull starts from the stored index and re-indexes the documents
 * the replica's changes feed names since that index was saved. Either way the result equals a
 * rebuild from every document on the device; without a usable stored index it is one.
 *
 * Takes the replica and the device database, so it runs in the search-index worker, on the page
 * when workers are not available, and in Node tests alike.
 */
export class IncrementalSearchIndex {
	private readonly parts: SearchIndex[] = [];
	/** Where each of `parts` is stored (`saveSearchIndexPart`); null for one that failed to be. */
	private readonly partKeys: Array<string | null> = [];
	/** Names this pull's stored parts apart from an interrupted pull's. */
	private readonly pull = Math.random().toString(36).slice(2, 10);
	/** Revision of each document in `parts`, to tell which have changed since. */
	private readonly indexed = new Map<string, string>();
	/** Calls run one at a time, in order: `finish` sees every segment sent before it. */
	private queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly local: Replica,
		private readonly appDb: AppDb
	) {}

	/**
	 * Indexes a segment's documents, as just stored in the replica (with their revisions): from
	 * memory, not read back. Should it fail, `finish` indexes them as not yet seen.
	 */
	addSegment(docs: readonly StoredDoc[]): Promise<void> {
		return this.serial(async () => {
			const read = docs.flatMap((d) =>
				typeof d._rev === 'string' ? [{ id: d._id, rev: d._rev, doc: searchDocOf(d) }] : []
			);
			const part = SearchIndex.build(searchDocs(read));
			this.parts.push(part);
			for (const { id, rev } of read) this.indexed.set(id, rev);
			this.partKeys.push(
				await saveSearchIndexPart(this.appDb, part, {
					pull: this.pull,
					n: this.parts.length - 1
				}).catch(() => null)
			);
		});
	}

	/**
	 * Brings the index up to the replica's current content, stores it with `sourceSeq` (the
	 * server's checkpoint) and returns the number of documents on the device.
	 */
	finish(sourceSeq: string | number): Promise<number> {
		return this.serial(() => this.bringUpToDate(sourceSeq));
	}

	/** Joins an index stored in parts into one (`compactSearchIndex`); after `finish`. */
	compact(): Promise<boolean> {
		return this.serial(() => compactSearchIndex(this.appDb));
	}

	private serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.queue.then(task, task);
		this.queue = run.catch(() => {});
		return run;
	}

	private async bringUpToDate(sourceSeq: string | number): Promise<number> {
		const { update_seq: localSeq, doc_count: docCount } = await this.local.info();
		const { parts, stale, removed } = this.parts.length
			? await this.sinceSegments(localSeq, docCount)
			: await this.sinceStored(localSeq);
		const partKeys = this.partKeys.filter((k): k is string => k !== null);
		if (!stale.length && !removed.size && parts.length && partKeys.length === parts.length) {
			const committed = await saveSearchIndexParts(this.appDb, partKeys, {
				sourceSeq,
				localSeq,
				docCount
			}).then(
				() => true,
				// A part gone since it was stored: the whole index is written below instead.
				() => false
			);
			if (committed) return docCount;
		}
		const fresh = await this.readDocs(stale);
		const index = SearchIndex.merge([
			...parts.map((index) => ({ index, without: removed })),
			SearchIndex.build(searchDocs(fresh))
		]);
		await saveSearchIndex(this.appDb, index, { sourceSeq, localSeq, docCount });
		return docCount;
	}

	/** What changed since the segments were indexed: every current document is compared. */
	private async sinceSegments(localSeq: number | string, docCount: number): Promise<Changes> {
		// Usually nothing: the replica was empty before this pull and has had one write per
		// document indexed (each write moves its sequence by one), so no other document nor any
		// later revision can be there. Checking it spares reading the list of every document.
		const writes = seqNumber(localSeq);
		if (writes === this.indexed.size && docCount === this.indexed.size) {
			return { parts: this.parts, stale: [], removed: new Set() };
		}
		const { rows } = await this.local.allDocs();
		const current = new Map(rows.map((r) => [r.id, r.value.rev]));
		const removed = new Set<string>();
		for (const [id, rev] of this.indexed) if (current.get(id) !== rev) removed.add(id);
		const stale = [...current].flatMap(([id, rev]) => (this.indexed.get(id) === rev ? [] : [id]));
		return { parts: this.parts, stale, removed };
	}

	/**
	 * What changed since the stored index was saved, from the replica's changes feed; when there
	 * is no index to start from (none yet, another format, or a replica emptied since), all of it.
	 */
	private async sinceStored(localSeq: number | string): Promise<Changes> {
		const stored = await loadSearchIndex(this.appDb);
		const from = stored?.localSeq;
		if (!stored || from === undefined || seqNumber(from) > seqNumber(localSeq)) {
			const { rows } = await this.local.allDocs();
			return { parts: [], stale: rows.map((r) => r.id), removed: new Set() };
		}
		const { results } = await this.local.changes({ since: from });
		const changed = results.filter((r) => !r.id.startsWith('_design/'));
		return {
			parts: [stored.index],
			stale: changed.flatMap((r) => (r.deleted ? [] : [r.id])),
			removed: new Set(changed.map((r) => r.id))
		};
	}

	/** The search documents of `ids` as the replica holds them now, with their revisions. */
	private async readDocs(ids: readonly string[]): Promise<Indexable[]> {
		if (!ids.length) return [];
		const { rows } = await this.local.allDocs({ keys: [...ids], include_docs: true });
		return rows.flatMap((row) =>
			'doc' in row && row.doc ? [{ id: row.id, rev: row.value.rev, doc: searchDocOf(row.doc) }] : []
		);
	}
}

/** A document as the replica stores it. */
export interface StoredDoc {
	_id: string;
	_rev?: string;
}

/** Its search document; null for one this version cannot read (left out, as a rebuild would). */
function searchDocOf(stored: unknown): SearchDoc | null {
	const parsed = contentDocSchema.safeParse(stored);
	return parsed.success ? toSearchDoc(parsed.data) : null;
}

/** A document read from the replica: `doc` is null for those without a page (the site profile). */
interface Indexable {
	id: string;
	rev: string;
	doc: SearchDoc | null;
}

const searchDocs = (read: readonly Indexable[]): SearchDoc[] =>
	read.flatMap(({ doc }) => (doc ? [doc] : []));

interface Changes {
	/** Indexes still valid but for `removed`. */
	parts: SearchIndex[];
	/** Documents to index now. */
	stale: string[];
	/** Documents whose entries in `parts` are out of date. */
	removed: Set<string>;
}

/** PouchDB's local sequences are numbers in the browser; CouchDB-style strings start with one. */
function seqNumber(seq: number | string): number {
	return typeof seq === 'number' ? seq : Number.parseInt(seq, 10) || 0;
}
