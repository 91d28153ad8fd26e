// The seed content's documents, built once when Vite bundles the server instead of at every
// start. Parsing the YAML front matter, rendering the Markdown and validating 209 files took
// ~0.6 s of CPU per start (1.7 s on a busy machine: 60 s of the integration suites' 436 s of
// server CPU, for ~36 fresh servers). The files are bundled into the build anyway, so the result
// cannot differ; a broken seed now fails the build, not the first start.
//
// `import seed from 'virtual:seed-docs'` (typed in src/seed-docs.d.ts) gives the documents. The
// plugin runs the same code the tests check (`buildShippedSeed` in
// src/lib/server/seed/build-seed-docs.ts) through a Vite module runner. A dev server rebuilds
// the list when it restarts; the seed is only stored on an empty store anyway.
import path from 'node:path';
import { runnerImport } from 'vite';

const SEED_DOCS_ID = 'virtual:seed-docs';
const RESOLVED_ID = `\0${SEED_DOCS_ID}`;

/** @returns {import('vite').Plugin} */
export function seedDocs() {
	let root = process.cwd();
	return {
		name: 'ventanilla-seed-docs',
		configResolved(config) {
			root = config.root;
		},
		resolveId(id) {
			return id === SEED_DOCS_ID ? RESOLVED_ID : null;
		},
		async load(id) {
			if (id !== RESOLVED_ID) return null;
			/** @type {{ module: { buildShippedSeed(): unknown[] } }} */
			const { module } = await runnerImport(
				path.join(root, 'src/lib/server/seed/build-seed-docs.ts'),
				{
					configFile: false,
					root,
					logLevel: 'error',
					resolve: { alias: { $lib: path.join(root, 'src/lib') } }
				}
			);
			const docs = module.buildShippedSeed();
			// One JSON string parses faster than the same data as a JavaScript literal.
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(docs))});\n`;
		}
	};
}
