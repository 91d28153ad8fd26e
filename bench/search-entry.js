/**
 * Entry of the bench's own bundle (built in memory by lib/bench-bundle.js, never shipped): the
 * app's real search index, the deterministic test corpus, the seed content's search recall,
 * the device's pull of the offline pack by segments, plus a generator of stored content
 * documents with rendered HTML, so that the browser rows and the Node rows use exactly the
 * code and data the app and its unit tests use.
 */
import { Marked } from 'marked';
import { SearchIndex } from '../src/lib/search/search-index';
import { toSearchDoc } from '../src/lib/search/search-doc';
import { CorpusGenerator } from '../src/lib/search/test-corpus';
import { measureRecall } from '../src/lib/search/recall';
import misspellings from '../src/lib/search/misspellings.json';
import { buildSeedDocs } from '../src/lib/server/seed/build-seed-docs';
import { seedContentFiles } from '../src/lib/server/seed/content-files';
import { applyPack } from '../src/lib/sync/pack-apply';
import { isEssentialId } from '../src/lib/content/essentials';
import { withGateId } from '../src/lib/sync/gate-handle';

export { applyPack, CorpusGenerator, SearchIndex, toSearchDoc, withGateId };

/**
 * Recall of the misspelling set on Puerto Guzmán's seed content (the unit test's measure).
 * @returns {ReturnType<typeof measureRecall> & { cases: number }}
 */
export function seedRecall() {
	const docs = buildSeedDocs(seedContentFiles()).flatMap((d) => toSearchDoc(d) ?? []);
	return { ...measureRecall(SearchIndex.build(docs), misspellings), cases: misspellings.length };
}

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Most text a generated item carries in `body` + `html` (characters), like a real news item. */
const MAX_TEXT = 3000;

/**
 * `count` valid content documents numbered from `first`, as the server stores them: schema-
 * checked by the corpus generator, with the Markdown body rendered to `html` (the app renders
 * and sanitises at write time; this generated Markdown holds nothing a sanitiser would remove).
 * Bodies are cut by whole paragraphs to at most ~3,000 characters of body + html, so items
 * carry about 1.5–3 KB of text like the seed's news and notices.
 *
 * `maxEssentials` caps how many of them are essentials (`src/lib/content/essentials.ts`): the
 * generator draws types in the proportions of a search corpus (5 in 12 essential), while a
 * portal grows by news, normas and Concejo sessions around a catalogue of bounded size. Drawn
 * documents over the cap are skipped, so numbers may run past `first + count`.
 * @param {number} first
 * @param {number} count
 * @param {number} [seed]
 * @param {{ maxEssentials?: number }} [options]
 * @returns {Array<Record<string, unknown> & { _id: string, body: string, html: string }>}
 */
export function storedDocs(first, count, seed = 20_260_601 + first, options = {}) {
	const corpus = new CorpusGenerator(seed);
	let essentials = options.maxEssentials ?? Infinity;
	let n = first;
	return Array.from({ length: count }, () => {
		let doc = corpus.contentDoc(n++);
		while (isEssentialId(String(doc._id)) && essentials <= 0) doc = corpus.contentDoc(n++);
		if (isEssentialId(String(doc._id))) essentials--;
		const parts = String(doc.body).split('\n\n');
		let body = parts.join('\n\n');
		let html = /** @type {string} */ (marked.parse(body));
		while (parts.length > 1 && body.length + html.length > MAX_TEXT) {
			parts.pop();
			body = parts.join('\n\n');
			html = /** @type {string} */ (marked.parse(body));
		}
		return { ...doc, body, html };
	});
}
