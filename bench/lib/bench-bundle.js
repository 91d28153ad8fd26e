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
import { pouchdbBrowserDeps } from '../../scripts/pouchdb-browser-deps.js';

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
 * Vite library build of `entry` in memory.
 * @param {string} entry  path from the repository's root
 * @param {string} name  the global an `iife` defines
 * @param {Array<'es' | 'iife'>} formats
 * @returns {Promise<(format: 'es' | 'iife') => string>}
 */
async function bundle(entry, name, formats) {
	const result = await build({
		configFile: false,
		root: ROOT,
		logLevel: 'warn',
		publicDir: false,
		resolve: { alias: { $lib: path.join(ROOT, 'src/lib') } },
		// PouchDB's `events` and `uuid` as the app's browser build has them.
		plugins: [pouchdbBrowserDeps()],
		build: {
			write: false,
			emptyOutDir: false,
			minify: false,
			sourcemap: false,
			target: 'es2022',
			lib: {
				entry: path.join(ROOT, entry),
				name,
				formats,
				fileName: (format) => `bench.${format}.js`
			}
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
		'output' in r ? r.output : []
	);
	return (format) => {
		const chunk = outputs.find((o) => o.fileName === `bench.${format}.js`);
		if (!chunk || chunk.type !== 'chunk')
			throw new Error(`bench bundle: ${entry} ${format} missing`);
		return chunk.code;
	};
}

/**
 * @returns {Promise<{ iife: string, load: () => Promise<BenchModule> }>}
 */
export async function buildBenchBundle() {
	const code = await bundle('bench/search-entry.js', 'VentanillaBench', ['es', 'iife']);
	const es = code('es');
	const iife = code('iife');
	return {
		iife,
		load: () => import(`data:text/javascript;base64,${Buffer.from(es).toString('base64')}`)
	};
}

/**
 * The browser-only bundle (bench/device-entry.js) as a classic script defining
 * `window.VentanillaDevice`.
 * @returns {Promise<string>}
 */
export async function buildDeviceBundle() {
	return (await bundle('bench/device-entry.js', 'VentanillaDevice', ['iife']))('iife');
}
