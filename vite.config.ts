import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { paraglideOptions } from './scripts/paraglide-options.js';
import { messageChunks } from './scripts/message-chunks.js';

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
 * The two long integration suites (hostile input, authorisation matrix). Each starts a server of
 * its own, so `npm run test:integration` runs them beside the rest (about half the time each)
 * and the two cores are both busy.
 */
const ATTACK_SUITES = [
	'tests/integration/hostile-input.int.ts',
	'tests/integration/authz-matrix.int.ts'
];

export default defineConfig({
	plugins: [embeddedStoreForDev(), paraglideVitePlugin(paraglideOptions), sveltekit()],
	server: { fs: { allow: ['content', 'couchdb'] } },
	build: {
		rollupOptions: {
			output: {
				manualChunks: messageChunks()
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
					include: ['src/**/*.spec.ts'],
					setupFiles: ['./tests/helpers/unit-setup.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.int.ts'],
					exclude: ATTACK_SUITES,
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
					name: 'attacks',
					environment: 'node',
					include: ATTACK_SUITES,
					testTimeout: 30_000,
					hookTimeout: 150_000,
					fileParallelism: false
				}
			}
		]
	}
});
