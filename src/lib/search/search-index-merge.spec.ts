import { describe, expect, it } from 'vitest';
import { toSearchDoc, type SearchDoc } from './search-doc';
import { SearchIndex } from './search-index';
import { searchDoc } from './test-fixtures';
import { CorpusGenerator } from './test-corpus';

const corpus = new CorpusGenerator();
const all: SearchDoc[] = Array.from({ length: 600 }, (_, n) =>
	toSearchDoc(corpus.contentDoc(n))
).filter((d): d is SearchDoc => d !== null);

/** `docs` cut into pieces of `size`, as segments arrive (in the pack's order, not by date). */
const pieces = (docs: readonly SearchDoc[], size: number) =>
	Array.from({ length: Math.ceil(docs.length / size) }, (_, i) =>
		docs.slice(i * size, (i + 1) * size)
	);

describe('SearchIndex.merge', () => {
	it('gives exactly the index of all the documents when the parts hold different ones', () => {
		const whole = SearchIndex.build(all).toJSON();
		for (const size of [1, 97, 250, 600]) {
			const parts = pieces(all, size).map((p) => SearchIndex.build(p));
			expect(SearchIndex.merge(parts).toJSON()).toEqual(whole);
		}
	});

	it('answers queries as the whole index does, ranking included', () => {
		const whole = SearchIndex.build(all);
		const merged = SearchIndex.merge(pieces(all, 150).map((p) => SearchIndex.build(p)));
		for (const q of ['certificado', 'sertificado de residensia', 'licen', 'jornada vacunacion']) {
			expect(merged.search(q)).toEqual(whole.search(q));
		}
	});

	it('keeps the newest version of a document found in two parts, and its words only', () => {
		const old = searchDoc({
			id: 'tramite:paz-y-salvo',
			title: 'Paz y salvo predial',
			text: 'Se pide en ventanilla.',
			updatedAt: '2026-01-01'
		});
		const edited = {
			...old,
			title: 'Paz y salvo de industria y comercio',
			updatedAt: '2026-02-01'
		};
		const other = searchDoc({
			id: 'noticia:feria',
			title: 'Feria agropecuaria',
			updatedAt: '2026-01-15'
		});
		const merged = SearchIndex.merge([
			SearchIndex.build([old, other]),
			SearchIndex.build([edited])
		]);

		expect(merged.toJSON()).toEqual(SearchIndex.build([edited, other]).toJSON());
		expect(merged.search('predial')).toEqual([]);
		expect(merged.search('industria').map((h) => h.title)).toEqual([edited.title]);
	});

	it('leaves out the documents a part is given without, and the terms only they held', () => {
		const kept = searchDoc({
			id: 'noticia:feria',
			title: 'Feria agropecuaria',
			updatedAt: '2026-01-15'
		});
		const removed = searchDoc({
			id: 'noticia:retirada',
			title: 'Convocatoria retirada',
			text: 'Feria del cacao.',
			updatedAt: '2026-01-20'
		});
		const merged = SearchIndex.merge([
			{ index: SearchIndex.build([kept, removed]), without: new Set([removed.id]) }
		]);

		expect(merged.toJSON()).toEqual(SearchIndex.build([kept]).toJSON());
		expect(merged.search('convocatoria')).toEqual([]);
		expect(merged.search('feria').map((h) => h.id)).toEqual([kept.id]);
	});

	it('survives a round trip through its stored form', () => {
		const merged = SearchIndex.merge(pieces(all, 200).map((p) => SearchIndex.build(p)));
		expect(SearchIndex.fromJSON(merged.toJSON()).toJSON()).toEqual(merged.toJSON());
	});

	it('gives an empty index for no parts', () => {
		expect(SearchIndex.merge([]).size).toBe(0);
		expect(SearchIndex.merge([]).search('predial')).toEqual([]);
	});
});
