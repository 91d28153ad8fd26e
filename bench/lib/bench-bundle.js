/**
 * Builds bench/search-entry.js (the app's search index, the test corpus, and stored-document
 * generation) with Vite in library mode, in memory: nothing is written to disk, so there is no
 * build output to ignore or lint. Two formats from one build:
 * - `iife`: a classic script that defines `window.VentanillaBench`, added to pages with
 *   `page.addScriptTag({ content })`;
 * - `es`: imported by the bench's Node process through a `data:` URL (the bundle is
 *   self-contained, so it has no imports to resolve).
 */
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * @typedef {object} BenchModule
 * @property {typeof import('../../src/lib/search/test-corpus.ts').CorpusGenerator} CorpusGenerator
 * @property {typeof import('../../src/lib/search/search-index.ts').SearchIndex} SearchIndex
 * @property {typeof import('../../src/lib/search/search-doc.ts').toSearchDoc} toSearchDoc
 * @property {typeof import('../../src/lib/sync/pack-apply.ts').applyPack} applyPack
 * @property {typeof import('../../src/lib/sync/gate-handle.ts').withGateId} withGateId
 * @property {typeof import('../search-entry.js').storedDocs} storedDocs
 * @property {typeof import('../search-entry.js').seedRecall} seedRecall
 */

/**
 * @returns {Promise<{ iife: string, load: () => Promise<BenchModule> }>}
 */
export async function buildBenchBundle() {
	const result = await build({
		configFile: false,
		root: ROOT,
		logLevel: 'warn',
		publicDir: false,
		resolve: { alias: { $lib: path.join(ROOT, 'src/lib') } },
		build: {
			write: false,
			emptyOutDir: false,
			minify: false,
			sourcemap: false,
			target: 'es2022',
			lib: {
				entry: path.join(ROOT, 'bench/search-entry.js'),
				name: 'VentanillaBench',
				formats: ['es', 'iife'],
				fileName: (format) => `bench.${format}.js`
			}
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
		'output' in r ? r.output : []
	);
	/** @param {string} name */
	const code = (name) => {
		const chunk = outputs.find((o) => o.fileName === name);
		if (!chunk || chunk.type !== 'chunk') throw new Error(`bench bundle: ${name} missing`);
		return chunk.code;
	};
	const es = code('bench.es.js');
	const iife = code('bench.iife.js');
	return {
		iife,
		load: () => import(`data:text/javascript;base64,${Buffer.from(es).toString('base64')}`)
	};
}
