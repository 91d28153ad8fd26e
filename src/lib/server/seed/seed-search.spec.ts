import { describe, expect, it } from 'vitest';
import misspellings from '$lib/search/misspellings.json';
import { measureRecall } from '$lib/search/recall';
import { SearchIndex } from '$lib/search/search-index';
import { toSearchDoc } from '$lib/search/search-doc';
import { buildSeedDocs } from './build-seed-docs';
import { seedContentFiles } from './content-files';

const seedDocs = buildSeedDocs(seedContentFiles());
const index = SearchIndex.build(seedDocs.flatMap((d) => toSearchDoc(d) ?? []));
/** What a device holds: the sync gate leaves the Markdown source on the server. */
const onDevice = seedDocs.map((d) => ({ ...d, body: '' }));

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

	it("a device, holding only each page's rendered HTML, searches the same words", () => {
		const words = (text = '') => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
		for (const [i, doc] of seedDocs.entries()) {
			const server = words(toSearchDoc(doc)?.text);
			const device = words(toSearchDoc(onDevice[i]!)?.text);
			expect(
				[...server].filter((w) => !device.has(w)),
				doc._id
			).toEqual([]);
			expect(
				[...device].filter((w) => !server.has(w)),
				doc._id
			).toEqual([]);
		}
		const deviceIndex = SearchIndex.build(onDevice.flatMap((d) => toSearchDoc(d) ?? []));
		expect(measureRecall(deviceIndex, misspellings).missed).toEqual([]);
	});

	it('finds nothing for words in no page, so the no-results help is shown', () => {
		expect(index.search('xqzwvkt')).toEqual([]);
	});
});
