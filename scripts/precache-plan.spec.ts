import { describe, expect, it } from 'vitest';
import { planFiles, precacheBundle, type ChunkFile } from './precache-plan.js';

type OutputChunk = ChunkFile;
type OutputBundle = Parameters<typeof planFiles>[0];

const NODES = '/repo/.svelte-kit/generated/client-optimized/nodes';

function chunk(
	fileName: string,
	parts: Partial<OutputChunk> & { css?: string[] } = {}
): OutputChunk {
	const { css = [], ...rest } = parts;
	return {
		type: 'chunk',
		fileName,
		isEntry: false,
		facadeModuleId: null,
		imports: [],
		dynamicImports: [],
		viteMetadata: { importedCss: new Set(css), importedAssets: new Set() },
		...rest
	};
}

const node = (n: number, parts: Partial<OutputChunk> & { css?: string[] } = {}) =>
	chunk(`nodes/${n}.js`, { isEntry: true, facadeModuleId: `${NODES}/${n}.js`, ...parts });

/** The generated node module → the route files it imports. */
const routeFiles: Record<string, string[]> = {
	[`${NODES}/0.js`]: ['/repo/src/routes/+layout.svelte'],
	[`${NODES}/1.js`]: ['/repo/src/routes/gestion/solicitudes/+page.svelte'],
	[`${NODES}/2.js`]: ['/repo/src/routes/tramites/+page.svelte'],
	[`${NODES}/3.js`]: ['/repo/src/routes/trabajo/+page.svelte'],
	[`${NODES}/4.js`]: ['/repo/src/routes/noticias/[slug]/+page.svelte']
};

function bundleOf(chunks: OutputChunk[], assets: string[]): OutputBundle {
	const bundle: OutputBundle = {};
	for (const c of chunks) bundle[c.fileName] = c;
	for (const a of assets) bundle[a] = { type: 'asset', fileName: a };
	return bundle;
}

describe('planFiles', () => {
	const bundle = bundleOf(
		[
			chunk('entry/app.js', {
				isEntry: true,
				facadeModuleId: '/repo/.svelte-kit/generated/client-optimized/app.js',
				dynamicImports: ['nodes/0.js', 'nodes/1.js', 'nodes/2.js', 'nodes/3.js', 'nodes/4.js']
			}),
			node(0, { imports: ['chunks/shared.js'], css: ['assets/0.css'] }),
			node(1, {
				imports: ['chunks/shared.js', 'chunks/inbox.js'],
				css: ['assets/1.css']
			}),
			node(2, {
				imports: ['chunks/shared.js', 'chunks/list.js'],
				dynamicImports: ['chunks/photo.js']
			}),
			node(3, { imports: ['chunks/field.js'], css: ['assets/3.css'] }),
			node(4, {
				imports: ['chunks/shared.js', 'chunks/list.js', 'chunks/article.js'],
				css: ['assets/4.css']
			}),
			chunk('chunks/shared.js'),
			chunk('chunks/inbox.js', { imports: ['chunks/shared.js'], css: ['assets/inbox.css'] }),
			chunk('chunks/photo.js'),
			chunk('chunks/field.js', { imports: ['chunks/inbox.js'] }),
			chunk('chunks/list.js'),
			chunk('chunks/article.js', { viteMetadata: { importedAssets: new Set(['assets/map.png']) } })
		],
		[
			'assets/0.css',
			'assets/1.css',
			'assets/3.css',
			'assets/4.css',
			'assets/inbox.css',
			'assets/map.png',
			'.vite/manifest.json'
		]
	);
	const { onDemand, later } = planFiles(bundle, (id) => routeFiles[id] ?? []);

	it('leaves out the back office pages and what only they load', () => {
		expect(onDemand).toEqual(['assets/1.css', 'nodes/1.js']);
	});

	it('caches after the install the code only pages such as the news and the field workspace load', () => {
		expect(later).toEqual([
			'assets/3.css',
			'assets/4.css',
			'assets/inbox.css',
			'chunks/article.js',
			'chunks/field.js',
			'chunks/inbox.js',
			'nodes/3.js',
			'nodes/4.js'
		]);
	});

	it('installs what the pages cached first share with the others, lazy chunks, and images', () => {
		for (const file of [
			'chunks/shared.js',
			'chunks/list.js',
			'chunks/photo.js',
			'assets/map.png'
		]) {
			expect(onDemand).not.toContain(file);
			expect(later).not.toContain(file);
		}
	});
});

describe('precacheBundle', () => {
	const bundle: OutputBundle = {
		'_app/immutable/chunks/b.js': {
			...chunk('_app/immutable/chunks/b.js'),
			code: 'export const b=1;'
		},
		'_app/immutable/chunks/a.js': {
			...chunk('_app/immutable/chunks/a.js'),
			code: 'export const a="\u2028";'
		},
		'_app/immutable/assets/0.css': {
			type: 'asset',
			fileName: '_app/immutable/assets/0.css',
			source: new TextEncoder().encode('a{color:red}')
		},
		'_app/immutable/chunks/back-office.js': {
			...chunk('_app/immutable/chunks/back-office.js'),
			code: 'x'
		},
		'_app/immutable/workers/search.js': {
			type: 'asset',
			fileName: '_app/immutable/workers/search.js',
			source: 'w'
		},
		'_app/immutable/assets/logo.png': {
			type: 'asset',
			fileName: '_app/immutable/assets/logo.png',
			source: new Uint8Array([137, 80])
		}
	};
	const notBackOffice = (file: string) => file !== '_app/immutable/chunks/back-office.js';
	const packed = precacheBundle(bundle, notBackOffice)!;

	it('holds the text of every script and stylesheet a device keeps, and nothing else', () => {
		expect(JSON.parse(packed.source)).toEqual({
			'_app/immutable/assets/0.css': 'a{color:red}',
			'_app/immutable/chunks/a.js': 'export const a="\u2028";',
			'_app/immutable/chunks/b.js': 'export const b=1;'
		});
		expect(packed.files).toEqual([
			'_app/immutable/assets/0.css',
			'_app/immutable/chunks/a.js',
			'_app/immutable/chunks/b.js'
		]);
	});

	it('is named by its content, under the immutable folder', () => {
		expect(packed.fileName).toMatch(/^_app\/immutable\/precache\.[0-9a-f]{12}\.json$/);
		expect(precacheBundle(bundle, () => true)!.fileName).not.toBe(packed.fileName);
		expect(precacheBundle({ ...bundle }, notBackOffice)!.fileName).toBe(packed.fileName);
		expect(precacheBundle(bundle, notBackOffice, 'precache-despues')!.fileName).toMatch(
			/^_app\/immutable\/precache-despues\.[0-9a-f]{12}\.json$/
		);
	});
});
