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
//
// The code of the pages a citizen needs least with no signal (`PAGES_CACHED_AFTER_INSTALL`)
// waits until the worker has installed: it comes in a second bundle, `precache-despues`, which
// the worker fetches once it is in control (src/service-worker.ts), so a phone is ready offline
// for trámites and PQRSD sooner.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PAGES_CACHED_AFTER_INSTALL, mayStorePage } from '../src/lib/policy.js';

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
 * How a client bundle's files are used on a device.
 * - `onDemand`: no page a device may store offline loads them (the back office): never
 *   precached.
 * - `later`: scripts and stylesheets only the pages of `PAGES_CACHED_AFTER_INSTALL` load:
 *   downloaded right after the install.
 * Every other file is precached at install.
 * @param {Record<string, AssetFile | ChunkFile>} bundle
 * @param {(id: string) => readonly string[]} importsOf  module id → ids it imports
 * @returns {{ onDemand: string[], later: string[] }}  file names relative to the client output
 *   folder, sorted
 */
export function planFiles(bundle, importsOf) {
	const chunks = Object.values(bundle).filter(
		/** @returns {c is ChunkFile} */ (c) => c.type === 'chunk'
	);
	/** @type {Map<string, string>} node file → top folder of `src/routes` it renders */
	const nodeFolders = new Map();
	for (const c of chunks) {
		if (!c.facadeModuleId || !NODE.test(c.facadeModuleId.replaceAll('\\', '/'))) continue;
		const folder = routeFolder(importsOf(c.facadeModuleId));
		if (folder !== null) nodeFolders.set(c.fileName, folder);
	}
	const nodesIn = (/** @type {(folder: string) => boolean} */ test) =>
		new Set([...nodeFolders].filter(([, folder]) => test(folder)).map(([file]) => file));
	const onlineOnly = nodesIn((folder) => !mayStorePage(`/${folder}`));
	const afterInstall = nodesIn((folder) => PAGES_CACHED_AFTER_INSTALL.includes(folder));
	const offline = reachable(chunks, onlineOnly);
	const atInstall = reachable(chunks, new Set([...onlineOnly, ...afterInstall]));
	return {
		onDemand: Object.keys(bundle)
			.filter((file) => !offline.has(file) && !file.endsWith('.json') && !file.endsWith('.map'))
			.sort(),
		// Anything else those pages load (an image, a font) stays in the install: only text
		// travels in a bundle.
		later: [...offline].filter((file) => !atInstall.has(file) && bundled(file)).sort()
	};
}

/**
 * The files the client app can load without ever opening one of the `skipped` nodes.
 * @param {ChunkFile[]} chunks
 * @param {ReadonlySet<string>} skipped  node files
 * @returns {Set<string>}
 */
function reachable(chunks, skipped) {
	/** @type {Map<string, ChunkFile>} */
	const byFile = new Map(chunks.map((c) => [c.fileName, c]));
	/** @type {Set<string>} */
	const needed = new Set();
	// The client app lazily imports every node: the walk starts at every entry except the
	// skipped nodes and never steps into them.
	const stack = chunks.filter((c) => c.isEntry && !skipped.has(c.fileName));
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
			if (next && !skipped.has(file) && !needed.has(file)) stack.push(next);
		}
	}
	return needed;
}

/** Files that go into a bundle: text a device keeps as it is (the workers' scripts excepted). */
const bundled = (/** @type {string} */ file) =>
	/\.(js|css)$/.test(file) && !file.includes('/workers/');

/**
 * Scripts and stylesheets in one JSON object, file name → text, named by its content's hash
 * under SvelteKit's immutable folder (so the server caches it for a year).
 * @param {Record<string, AssetFile | ChunkFile>} bundle
 * @param {(file: string) => boolean} holds  whether a file of the build goes in
 * @param {string} name  the file name's stem
 * @returns {{ fileName: string, source: string, files: string[] } | null}
 */
export function precacheBundle(bundle, holds, name = 'precache') {
	/** @type {Record<string, string>} */
	const texts = {};
	for (const file of Object.keys(bundle).sort()) {
		const out = /** @type {AssetFile | ChunkFile} */ (bundle[file]);
		if (!holds(file) || !bundled(file)) continue;
		const text = out.type === 'chunk' ? out.code : out.source;
		if (text === undefined) continue;
		texts[file] = typeof text === 'string' ? text : new TextDecoder().decode(text);
	}
	const files = Object.keys(texts);
	if (!files.length) return null;
	const source = JSON.stringify(texts);
	const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
	return { fileName: `_app/immutable/${name}.${hash}.json`, source, files };
}

/**
 * What the service worker reads: the files it leaves out; the bundle of the install's scripts
 * and stylesheets; the files it downloads after the install, all in the `later` bundle.
 * @typedef {{ file: string, files: string[] }} BundleEntry
 * @typedef {{ onDemand: string[], bundle: BundleEntry | null, later: BundleEntry | null }} PrecachePlan
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
			if (!existsSync(path.join(root, PRECACHE_PLAN_FILE)))
				write({ onDemand: [], bundle: null, later: null });
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
				const { onDemand, later } = planFiles(
					files,
					(id) => this.getModuleInfo(id)?.importedIds ?? []
				);
				const leftOut = new Set([...onDemand, ...later]);
				const atInstall = precacheBundle(files, (file) => !leftOut.has(file));
				const laterFiles = new Set(later);
				const afterInstall = precacheBundle(
					files,
					(file) => laterFiles.has(file),
					'precache-despues'
				);
				for (const packed of [atInstall, afterInstall]) {
					if (packed) {
						this.emitFile({ type: 'asset', fileName: packed.fileName, source: packed.source });
					}
				}
				write({
					onDemand,
					bundle: atInstall && { file: atInstall.fileName, files: atInstall.files },
					later: afterInstall && { file: afterInstall.fileName, files: afterInstall.files }
				});
			}
		}
	};
}
