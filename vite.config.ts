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
			if (process.env.COUCHDB_URL || process.env.VITEST) return;
			const { startEmbeddedStore } = await import('./server/store.js');
			const store = await startEmbeddedStore({ dataDir: process.env.DATA_DIR ?? './data' });
			process.env.COUCHDB_URL = store.url;
		}
	};
}

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
					globalSetup: ['./tests/integration/global-setup.ts'],
					testTimeout: 30_000,
					// Files that start their own server wait for it; in CI it shares the machine with e2e.
					hookTimeout: 150_000,
					fileParallelism: false
				}
			}
		]
	}
});
