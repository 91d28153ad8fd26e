import { describe, expect, it } from 'vitest';
import misspellings from '$lib/search/misspellings.json';
import { measureRecall } from '$lib/search/recall';
import { SearchIndex } from '$lib/search/search-index';
import { toSearchDoc } from '$lib/search/search-doc';
import { buildSeedDocs } from './build-seed-docs';
import { seedContentFiles } from './content-files';

const index = SearchIndex.build(
	buildSeedDocs(seedContentFiles()).flatMap((d) => toSearchDoc(d) ?? [])
);

describe("Searching Puerto Guzmán's content", () => {
	it('finds the page meant by every misspelled or everyday query within the first three', () => {
		const { recall, missed } = measureRecall(index, misspellings);
		expect(missed).toEqual([]);
		expect(recall).toBe(1);
	});

	it('still puts the exact title first when it is typed correctly', () => {
		expect(index.search('certificado de residencia')[0]?.url).toMatch(
			/\/(tramites|formularios)\/certificado-de-residencia$/
		);
		expect(index.search('encuesta sisbén')[0]?.url).toBe('/tramites/encuesta-sisben');
	});

	it('finds nothing for words in no page, so the no-results help is shown', () => {
		expect(index.search('xqzwvkt')).toEqual([]);
	});
});
