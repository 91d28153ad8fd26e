import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryDb } from '../../../tests/helpers/node-pouch';
import { AppDb } from '$lib/db/app-db';
import { contentDocSchema, type ContentDoc } from '$lib/schemas/content';
import { SearchIndex } from '$lib/search/search-index';
import { toSearchDoc, type SearchDoc } from '$lib/search/search-doc';
import { CONTENT_SEARCH_KEY, loadSearchIndex } from '$lib/search/search-store';
import { CorpusGenerator } from '$lib/search/test-corpus';
import { IncrementalSearchIndex, type StoredDoc } from './incremental-search-index';

let replica: PouchDB.Database;
let appDb: AppDb;
let n = 0;
const corpus = new CorpusGenerator();
const content = Array.from({ length: 120 }, (_, i) => corpus.contentDoc(i));

beforeEach(() => {
	replica = memoryDb();
	appDb = new AppDb(`incremental-search-${++n}`);
});

afterEach(async () => {
	vi.restoreAllMocks();
	await replica.destroy();
	await appDb.delete();
});

let revs = 0;
/** Stores `docs` as a pull stores a pack segment (revisions given), and returns them stored. */
async function storeSegment(docs: readonly ContentDoc[]): Promise<StoredDoc[]> {
	const stored = docs.map((d) => ({ ...d, _rev: `1-${(++revs).toString(16).padStart(32, '0')}` }));
	await replica.bulkDocs(stored, { new_edits: false });
	return stored;
}

/** The index a rebuild from every document on the device gives. */
async function rebuilt(): Promise<ReturnType<SearchIndex['toJSON']>> {
	const { rows } = await replica.allDocs({ include_docs: true });
	const docs = rows.flatMap((r) => {
		const parsed = contentDocSchema.safeParse(r.doc);
		return parsed.success ? [toSearchDoc(parsed.data)].filter((d): d is SearchDoc => !!d) : [];
	});
	return SearchIndex.build(docs).toJSON();
}

/** How many of `docs` have a page, hence a search entry (the site profile has none). */
const withPages = (docs: readonly ContentDoc[]) => docs.filter((d) => toSearchDoc(d)).length;

async function stored() {
	const loaded = await loadSearchIndex(appDb);
	if (!loaded) throw new Error('no index stored');
	return loaded;
}

/** Edits one document in the replica (a later revision, as replication brings it). */
async function edit(id: string, title: string): Promise<void> {
	const doc = await replica.get(id);
	await replica.put({ ...doc, title, updatedAt: '2030-01-01' });
}

describe('the offline search index during a first pull', () => {
	it('indexes segments as they are stored and ends equal to a rebuild, reading nothing back', async () => {
		const index = new IncrementalSearchIndex(replica, appDb);
		for (let i = 0; i < content.length; i += 50) {
			await index.addSegment(await storeSegment(content.slice(i, i + 50)));
		}
		const list = vi.spyOn(replica, 'allDocs');
		const docCount = await index.finish('seq-1');

		// Nothing but the segments was written: the end reads no list of documents.
		expect(list).not.toHaveBeenCalled();
		expect(docCount).toBe(content.length);
		const saved = await stored();
		expect(saved.index.toJSON()).toEqual(await rebuilt());
		expect(saved.sourceSeq).toBe('seq-1');
		expect(saved.docCount).toBe(content.length);
	});

	it('commits the parts stored during the pull, then joins them into one index', async () => {
		const index = new IncrementalSearchIndex(replica, appDb);
		for (let i = 0; i < content.length; i += 50) {
			await index.addSegment(await storeSegment(content.slice(i, i + 50)));
		}
		const merge = vi.spyOn(SearchIndex, 'merge');
		await index.finish('seq-1');

		// Finishing joins nothing: the three parts are the index.
		expect(merge).not.toHaveBeenCalled();
		const row = await appDb.search.get(CONTENT_SEARCH_KEY);
		expect(row?.parts).toHaveLength(3);
		expect(row?.index).toBeUndefined();
		expect((await stored()).index.toJSON()).toEqual(await rebuilt());

		expect(await index.compact()).toBe(true);
		expect((await appDb.search.get(CONTENT_SEARCH_KEY))?.parts).toHaveLength(1);
		expect(await appDb.searchParts.count()).toBe(1);
		expect((await stored()).index.toJSON()).toEqual(await rebuilt());
		expect(await index.compact()).toBe(false);
	});

	it('writes the whole index when a stored part has gone before the end', async () => {
		const index = new IncrementalSearchIndex(replica, appDb);
		await index.addSegment(await storeSegment(content.slice(0, 60)));
		await index.addSegment(await storeSegment(content.slice(60)));
		await appDb.searchParts.limit(1).delete();

		await index.finish('seq-1');

		// One part: the whole index, merged and written at the end.
		expect((await appDb.search.get(CONTENT_SEARCH_KEY))?.parts).toHaveLength(1);
		expect(await appDb.searchParts.count()).toBe(1);
		expect((await stored()).index.toJSON()).toEqual(await rebuilt());
	});

	it("drops the parts an interrupted pull left behind when the next one's index is committed", async () => {
		const interrupted = new IncrementalSearchIndex(replica, appDb);
		await interrupted.addSegment(await storeSegment(content.slice(0, 60)));
		expect(await appDb.searchParts.count()).toBe(1);
		await replica.destroy();
		replica = memoryDb();

		const next = new IncrementalSearchIndex(replica, appDb);
		await next.addSegment(await storeSegment(content.slice(60)));
		await next.finish('seq-2');

		expect(await appDb.searchParts.count()).toBe(1);
		expect((await stored()).index.toJSON()).toEqual(await rebuilt());
	});

	it('re-indexes at the end only what replication changed after the segments', async () => {
		const index = new IncrementalSearchIndex(replica, appDb);
		await index.addSegment(await storeSegment(content.slice(0, 60)));
		await index.addSegment(await storeSegment(content.slice(60, 100)));
		// After the pack: one edited, one removed, twenty new.
		const [edited, removed] = content as [ContentDoc, ContentDoc];
		await edit(edited._id, 'Jornada de cedulación en la vereda El Cedro');
		await replica.remove(await replica.get(removed._id));
		await storeSegment(content.slice(100));
		const build = vi.spyOn(SearchIndex, 'build');

		await index.finish('seq-2');

		expect(build.mock.calls.map(([docs]) => docs.length)).toEqual([
			withPages([edited, ...content.slice(100)])
		]);
		const saved = (await stored()).index;
		expect(saved.toJSON()).toEqual(await rebuilt());
		expect(saved.search('cedulacion cedro')[0]?.id).toBe(edited._id);
		expect(saved.search(removed.title).map((h) => h.id)).not.toContain(removed._id);
	});

	it('indexes segments stored by an interrupted earlier pull as well', async () => {
		await storeSegment(content.slice(0, 70));
		const index = new IncrementalSearchIndex(replica, appDb);
		await index.addSegment(await storeSegment(content.slice(70)));
		await index.finish('seq-3');
		expect((await stored()).index.toJSON()).toEqual(await rebuilt());
	});
});

describe('the offline search index on a later pull', () => {
	it('starts from the stored index and re-indexes only the changed documents', async () => {
		await storeSegment(content.slice(0, 100));
		await new IncrementalSearchIndex(replica, appDb).finish('seq-1');
		const [edited, removed] = content as [ContentDoc, ContentDoc];
		await edit(edited._id, 'Convocatoria de vivienda rural');
		await replica.remove(await replica.get(removed._id));
		await storeSegment(content.slice(100, 103));
		const build = vi.spyOn(SearchIndex, 'build');

		const docCount = await new IncrementalSearchIndex(replica, appDb).finish('seq-2');

		expect(build.mock.calls.map(([docs]) => docs.length)).toEqual([
			withPages([edited, ...content.slice(100, 103)])
		]);
		expect(docCount).toBe(102);
		const saved = await stored();
		expect(saved.index.toJSON()).toEqual(await rebuilt());
		expect(saved.sourceSeq).toBe('seq-2');
	});

	it('rebuilds from every document when no index is stored', async () => {
		await storeSegment(content.slice(0, 40));
		await new IncrementalSearchIndex(replica, appDb).finish(1);
		expect((await stored()).index.toJSON()).toEqual(await rebuilt());
	});

	it('rebuilds from every document when the replica was emptied since the index', async () => {
		await storeSegment(content.slice(0, 40));
		await new IncrementalSearchIndex(replica, appDb).finish(1);
		await replica.destroy();
		replica = memoryDb();
		await storeSegment(content.slice(40, 45));

		await new IncrementalSearchIndex(replica, appDb).finish(2);

		expect((await stored()).index.toJSON()).toEqual(await rebuilt());
		expect((await stored()).index.size).toBe(5);
	});
});
