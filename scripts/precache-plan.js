// Decides which build files the service worker downloads at install. A citizen's device needs
// the code of every page it may open offline; the back office (`/gestion`, never stored on a
// device, see `mayStorePage`) is only ever used online, so its pages, and the chunks and styles
// only they use, are left out of the precache and load from the network when an official
// opens them (60 of ~270 files, ~47 KB compressed in December 2026).
//
// The client build knows the module graph; the service worker is bundled afterwards by
// SvelteKit from its own list of every build file (`$service-worker`'s `build`). So this
// plugin writes the files to leave out to `.svelte-kit/precache-plan.json` at the end of the
// client build, and the service worker imports that file (`$precache-plan`, see
// svelte.config.js).
//
// Most of what stays is downloaded in one piece: the build's scripts and stylesheets a device
// keeps, as one JSON file (`precacheBundle`), which the worker unpacks into its cache. Each file
// alone cost a round trip and ~200 bytes of headers, and compressed alone it shares nothing with
// the others: 223 files were ~394 KB on the wire, one bundle of them ~280 KB.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mayStorePage } from '../src/lib/policy.js';

export const PRECACHE_PLAN_FILE = '.svelte-kit/precache-plan.json';

/** A SvelteKit client node: one layout, page or error component. */
const NODE = /\/generated\/client(-optimized)?\/nodes\/\d+\.js$/;
const ROUTE_FILE = /\/src\/routes\/([^/]*)/;

/**
 * The top folder of `src/routes` a node renders, or null for a node outside it.
 * @param {readonly string[]} importedIds  what the generated node module imports
 */
function routeFolder(importedIds) {
	for (const id of importedIds) {
		const match = ROUTE_FILE.exec(id.replaceAll('\\', '/'));
		// `+layout.svelte` at the root: the empty folder, the home page's family
		if (match) return match[1]?.startsWith('+') ? '' : (match[1] ?? '');
	}
	return null;
}

/**
 * What this plan reads of a bundle's output file (Rollup's and Rolldown's share it).
 * @typedef {{ type: 'asset', fileName: string, source?: string | Uint8Array }} AssetFile
 * @typedef {{
 *   type: 'chunk', fileName: string, isEntry: boolean, facadeModuleId: string | null,
 *   imports: string[], dynamicImports: string[], code?: string,
 *   viteMetadata?: { importedCss?: Set<string>, importedAssets?: Set<string> }
 * }} ChunkFile
 */

/**
 * The files of a client bundle that no page a device may store offline can load.
 * @param {Record<string, AssetFile | ChunkFile>} bundle
 * @param {(id: string) => readonly string[]} importsOf  module id → ids it imports
 * @returns {string[]}  file names relative to the client output folder, sorted
 */
export function onDemandFiles(bundle, importsOf) {
	const chunks = Object.values(bundle).filter(
		/** @returns {c is ChunkFile} */ (c) => c.type === 'chunk'
	);
	const onlineOnly = new Set(
		chunks
			.filter((c) => c.facadeModuleId && NODE.test(c.facadeModuleId.replaceAll('\\', '/')))
			.filter((c) => {
				const folder = routeFolder(importsOf(/** @type {string} */ (c.facadeModuleId)));
				return folder !== null && !mayStorePage(`/${folder}`);
			})
			.map((c) => c.fileName)
	);
	/** @type {Map<string, ChunkFile>} */
	const byFile = new Map(chunks.map((c) => [c.fileName, c]));
	/** @type {Set<string>} */
	const needed = new Set();
	// The client app lazily imports every node: the walk starts at every entry except the
	// online-only nodes and never steps into them.
	const stack = chunks.filter((c) => c.isEntry && !onlineOnly.has(c.fileName));
	while (stack.length) {
		const chunk = /** @type {ChunkFile} */ (stack.pop());
		if (needed.has(chunk.fileName)) continue;
		needed.add(chunk.fileName);
		const meta = chunk.viteMetadata ?? {};
		for (const file of [...(meta.importedCss ?? []), ...(meta.importedAssets ?? [])]) {
			needed.add(file);
		}
		for (const file of [...chunk.imports, ...chunk.dynamicImports]) {
			const next = byFile.get(file);
			if (next && !onlineOnly.has(file) && !needed.has(file)) stack.push(next);
		}
	}
	return Object.keys(bundle)
		.filter((file) => !needed.has(file) && !file.endsWith('.json') && !file.endsWith('.map'))
		.sort();
}

/** Files that go into the bundle: text a device keeps as it is (the worker script excepted). */
const BUNDLED = /\.(js|css)$/;

/**
 * The precache's scripts and stylesheets in one JSON object, file name → text, named by its
 * content's hash under SvelteKit's immutable folder (so the server caches it for a year).
 * @param {Record<string, AssetFile | ChunkFile>} bundle
 * @param {ReadonlySet<string>} leftOut  the on-demand files
 * @returns {{ fileName: string, source: string, files: string[] } | null}
 */
export function precacheBundle(bundle, leftOut) {
	/** @type {Record<string, string>} */
	const texts = {};
	for (const file of Object.keys(bundle).sort()) {
		const out = /** @type {AssetFile | ChunkFile} */ (bundle[file]);
		if (leftOut.has(file) || !BUNDLED.test(file) || file.includes('/workers/')) continue;
		const text = out.type === 'chunk' ? out.code : out.source;
		if (text === undefined) continue;
		texts[file] = typeof text === 'string' ? text : new TextDecoder().decode(text);
	}
	const files = Object.keys(texts);
	if (!files.length) return null;
	const source = JSON.stringify(texts);
	const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
	return { fileName: `_app/immutable/precache.${hash}.json`, source, files };
}

/**
 * What the service worker reads: the files it leaves out, and the bundle (its file and the files
 * inside it).
 * @typedef {{ onDemand: string[], bundle: { file: string, files: string[] } | null }} PrecachePlan
 */

/**
 * The Vite plugin: writes the plan and emits the bundle once every other plugin has finished the
 * client bundle (the code is final then), before SvelteKit builds the service worker.
 * @returns {import('vite').Plugin}
 */
export function precachePlan() {
	let root = process.cwd();
	const write = (/** @type {PrecachePlan} */ plan) => {
		const file = path.join(root, PRECACHE_PLAN_FILE);
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, JSON.stringify(plan, null, '\t') + '\n');
	};
	return {
		name: 'ventanilla-precache-plan',
		configResolved(config) {
			root = config.root;
			// The service worker imports the plan in every mode; until a client build has run,
			// nothing is left out and there is no bundle.
			if (!existsSync(path.join(root, PRECACHE_PLAN_FILE))) write({ onDemand: [], bundle: null });
		},
		generateBundle: {
			order: 'post',
			handler(_options, bundle) {
				if (this.environment.name !== 'client' || this.environment.config.command !== 'build') {
					return;
				}
				const files = /** @type {Record<string, AssetFile | ChunkFile>} */ (
					/** @type {unknown} */ (bundle)
				);
				const onDemand = onDemandFiles(files, (id) => this.getModuleInfo(id)?.importedIds ?? []);
				const packed = precacheBundle(files, new Set(onDemand));
				if (packed) {
					this.emitFile({ type: 'asset', fileName: packed.fileName, source: packed.source });
				}
				write({
					onDemand,
					bundle: packed && { file: packed.fileName, files: packed.files }
				});
			}
		}
	};
}
