import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { paraglideOptions } from './scripts/paraglide-options.js';
import { clientChunks } from './scripts/frame-chunks.js';
import { precachePlan } from './scripts/precache-plan.js';
import { schemaSideEffects } from './scripts/schema-side-effects.js';
import { pouchdbBrowserDeps } from './scripts/pouchdb-browser-deps.js';
import { seedDocs } from './scripts/seed-docs.js';

/**
 * `npm run dev` gets the same embedded store as `npm start` (unless COUCHDB_URL is set), so the
 * dev server needs no separate database process.
 */
function embeddedStoreForDev(): Plugin {
	return {
		name: 'ventanilla-embedded-store',
		apply: 'serve',
		async configureServer() {
			if (process.env.VITEST) return;
			const { parseConfig, useEmbeddedStore } = await import('./src/lib/server/config.js');
			const settings = parseConfig();
			if (settings.COUCHDB_URL) return;
			const { startEmbeddedStore } = await import('./server/store.js');
			const store = await startEmbeddedStore({ dataDir: settings.DATA_DIR });
			useEmbeddedStore(store.url);
		}
	};
}

/**
 * Integration files that need no shared server: each starts the servers (and stores) it tests.
 * `npm run test:integration` runs them beside the rest, so both cores stay busy until the end
 * (the two long ones, hostile input and the authorisation matrix, plus the outage, cluster, load,
 * numbering and mail files; before the mail file moved here, 173 s against the rest's 214 s on
 * CI's 2 cores).
 */
const OWN_SERVER_SUITES = [
	'tests/integration/hostile-input.int.ts',
	'tests/integration/authz-matrix.int.ts',
	'tests/integration/store-outage.int.ts',
	'tests/integration/cluster-start.int.ts',
	'tests/integration/hostile-load.int.ts',
	'tests/integration/unused-numbers.int.ts',
	'tests/integration/offline-pack.int.ts',
	// Its own server with a mail server; here it also evens out the two processes' times.
	'tests/integration/notifications.int.ts'
];

export default defineConfig({
	plugins: [
		embeddedStoreForDev(),
		paraglideVitePlugin(paraglideOptions),
		schemaSideEffects(),
		pouchdbBrowserDeps(),
		sveltekit(),
		precachePlan(),
		seedDocs()
	],
	server: { fs: { allow: ['content', 'couchdb'] } },
	build: {
		rollupOptions: {
			output: {
				manualChunks: clientChunks()
			}
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
					// Unit tests hold no global state between files (each builds its own fakes), so
					// one module graph per worker is shared: 59 s → 27 s on CI's 2 cores, same tests,
					// also with the file order shuffled.
					isolate: false,
					setupFiles: ['./tests/helpers/unit-setup.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.int.ts'],
					exclude: OWN_SERVER_SUITES,
					globalSetup: ['./tests/integration/global-setup.ts'],
					testTimeout: 30_000,
					// Files that start their own server wait for it; the attack suites run beside.
					hookTimeout: 150_000,
					// Files share one server and count what is stored on it: one file at a time.
					fileParallelism: false
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'own-servers',
					environment: 'node',
					include: OWN_SERVER_SUITES,
					testTimeout: 30_000,
					hookTimeout: 150_000,
					fileParallelism: false
				}
			}
		]
	}
});
