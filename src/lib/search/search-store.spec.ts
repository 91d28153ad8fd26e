import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDb } from '$lib/db/app-db';
import { SEARCH_INDEX_FORMAT, SearchIndex } from './search-index';
import {
	CONTENT_SEARCH_KEY,
	compactSearchIndex,
	hasSearchIndex,
	loadSearchIndex,
	saveSearchIndex,
	saveSearchIndexPart,
	saveSearchIndexParts
} from './search-store';
import { searchDoc } from './test-fixtures';

let db: AppDb;
let dbCount = 0;

beforeEach(() => {
	db = new AppDb(`search-store-test-${++dbCount}`);
});

afterEach(async () => {
	await db.delete();
});

const index = SearchIndex.build([
	searchDoc({ id: 'tramite:impuesto-predial', title: 'Pago del impuesto predial' }),
	searchDoc({
		id: 'noticia:descuento',
		title: 'Descuento por pronto pago',
		text: 'Impuesto predial'
	})
]);

describe('search index persistence', () => {
	it('says whether an index of this format is stored, so a pull with nothing new keeps it', async () => {
		expect(await hasSearchIndex(db)).toBe(false);
		await saveSearchIndex(db, index, { sourceSeq: '1' });
		expect(await hasSearchIndex(db)).toBe(true);
		// One written in an earlier format must be rebuilt.
		await db.search.update(CONTENT_SEARCH_KEY, { format: 0 });
		expect(await hasSearchIndex(db)).toBe(false);
	});

	it('reads an index stored by earlier versions as an object, not as text', async () => {
		await db.search.put({
			key: CONTENT_SEARCH_KEY,
			index: index.toJSON(),
			builtAt: '2026-04-01T12:00:00.000Z',
			sourceSeq: 7,
			docCount: 2
		});
		expect(await hasSearchIndex(db)).toBe(true);
		expect((await loadSearchIndex(db))?.index.search('predial')).toEqual(index.search('predial'));
	});

	it('loads nothing when no index has been saved', async () => {
		expect(await loadSearchIndex(db)).toBeNull();
	});

	it('loads back a saved index that answers queries like the original', async () => {
		const builtAt = new Date('2026-04-01T12:00:00.000Z');
		await saveSearchIndex(db, index, { sourceSeq: '42-abc', builtAt });
		const loaded = await loadSearchIndex(db);
		expect(loaded).toMatchObject({
			sourceSeq: '42-abc',
			builtAt: builtAt.toISOString(),
			docCount: 2
		});
		for (const q of ['predial', 'pago impuesto', 'descu']) {
			expect(loaded?.index.search(q), q).toEqual(index.search(q));
		}
	});

	it('replaces the previous index saved under the same key', async () => {
		await saveSearchIndex(db, index, { sourceSeq: 1 });
		await saveSearchIndex(db, SearchIndex.build([]), { sourceSeq: 2 });
		const loaded = await loadSearchIndex(db);
		expect(loaded?.sourceSeq).toBe(2);
		expect(loaded?.docCount).toBe(0);
		expect(await db.search.count()).toBe(1);
		expect(await db.searchParts.count()).toBe(1);
	});

	it('keeps indexes under different keys apart', async () => {
		await saveSearchIndex(db, index, { sourceSeq: 1, key: 'otro' });
		expect(await loadSearchIndex(db)).toBeNull();
		expect((await loadSearchIndex(db, 'otro'))?.docCount).toBe(2);
	});

	it('discards a stored index of another format so that the caller rebuilds it', async () => {
		await saveSearchIndex(db, index, { sourceSeq: 1 });
		const [partKey] = (await db.search.get(CONTENT_SEARCH_KEY))!.parts!;
		const part = (await db.searchParts.get(partKey!))!;
		await db.searchParts.update(partKey!, {
			index: part.index.replace(`{"v":${SEARCH_INDEX_FORMAT},`, '{"v":0,')
		});
		expect(await loadSearchIndex(db)).toBeNull();
		expect(await db.search.get(CONTENT_SEARCH_KEY)).toBeUndefined();
		expect(await db.searchParts.count()).toBe(0);
	});

	it('keeps the row a pull checks small: the index itself is in its part', async () => {
		await saveSearchIndex(
			db,
			SearchIndex.build(
				Array.from({ length: 200 }, (_, i) =>
					searchDoc({ id: `noticia:n${i}`, title: `Noticia número ${i} de la vereda` })
				)
			),
			{ sourceSeq: 1 }
		);
		expect(JSON.stringify(await db.search.get(CONTENT_SEARCH_KEY)).length).toBeLessThan(300);
		expect((await db.searchParts.toArray())[0]?.index.length).toBeGreaterThan(5000);
	});
});

describe('a search index stored in parts', () => {
	const docs = [
		searchDoc({ id: 'tramite:impuesto-predial', title: 'Pago del impuesto predial' }),
		searchDoc({ id: 'noticia:descuento', title: 'Descuento por pronto pago', text: 'Impuesto' })
	];
	const first = SearchIndex.build(docs.slice(0, 1));
	const second = SearchIndex.build(docs.slice(1));
	const whole = SearchIndex.build(docs).toJSON();
	const saveParts = async (pull = 'p1') => [
		await saveSearchIndexPart(db, first, { pull, n: 0 }),
		await saveSearchIndexPart(db, second, { pull, n: 1 })
	];

	it('answers like one index once its parts are committed, and not before', async () => {
		const keys = await saveParts();
		expect(await loadSearchIndex(db)).toBeNull();

		await saveSearchIndexParts(db, keys, { sourceSeq: '9-x', docCount: 2 });

		expect(await hasSearchIndex(db)).toBe(true);
		const loaded = await loadSearchIndex(db);
		expect(loaded).toMatchObject({ sourceSeq: '9-x', docCount: 2 });
		expect(loaded?.index.toJSON()).toEqual(whole);
	});

	it('refuses to commit parts that are not stored, keeping the index there was', async () => {
		await saveSearchIndex(db, index, { sourceSeq: 1 });
		const [key] = await saveParts();
		await expect(
			saveSearchIndexParts(db, [key as string, 'content/p1/7'], { sourceSeq: 2, docCount: 2 })
		).rejects.toThrow(/missing/);
		expect((await loadSearchIndex(db))?.sourceSeq).toBe(1);
	});

	it('discards the index and its parts when one of them is damaged', async () => {
		const keys = await saveParts();
		await saveSearchIndexParts(db, keys, { sourceSeq: 1, docCount: 2 });
		await db.searchParts.update(keys[1] as string, { index: '{"v":1' });

		expect(await loadSearchIndex(db)).toBeNull();
		expect(await db.search.count()).toBe(0);
		expect(await db.searchParts.count()).toBe(0);
	});

	it('joins the parts into one index, unless a newer index replaced them meanwhile', async () => {
		await saveSearchIndexParts(db, await saveParts(), { sourceSeq: 1, docCount: 2 });
		expect(await compactSearchIndex(db)).toBe(true);
		expect((await db.search.get(CONTENT_SEARCH_KEY))?.parts).toHaveLength(1);
		expect(await db.searchParts.count()).toBe(1);
		expect(await compactSearchIndex(db)).toBe(false);
		expect((await loadSearchIndex(db))?.index.toJSON()).toEqual(whole);

		await saveSearchIndexParts(db, await saveParts('p2'), { sourceSeq: 2, docCount: 2 });
		const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
		let calls = 0;
		// Another pull commits its own parts while this compaction joins them (between its
		// read and its write).
		vi.spyOn(db, 'transaction').mockImplementation((async (...args: unknown[]) => {
			if (++calls === 2) {
				vi.mocked(db.transaction).mockRestore();
				await saveSearchIndexParts(db, await saveParts('p3'), { sourceSeq: 3, docCount: 2 });
			}
			return transaction(...args);
		}) as never);
		expect(await compactSearchIndex(db)).toBe(false);
		vi.restoreAllMocks();
		expect((await db.search.get(CONTENT_SEARCH_KEY))?.sourceSeq).toBe(3);
		expect((await loadSearchIndex(db))?.index.toJSON()).toEqual(whole);
	});
});
