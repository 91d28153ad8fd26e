import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CONTENT_SECURITY_POLICY } from './src/lib/policy.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ precompress: true }),
		// Registered by workbox-window in the root layout, not by kit.
		serviceWorker: { register: false },
		// Absolute asset URLs: the offline shell is served for any deep link, and relative URLs
		// would resolve against that link's folder (see STACK.md §2).
		paths: { relative: false },
		// The page frame's stylesheet is ~10.6 KB (2.7 KB compressed): inlined, a page paints
		// without waiting for a second request, which costs a round trip on 3G and a trip through
		// the service worker offline (pages.int.ts checks it stays inline).
		inlineStyleThreshold: 16_000,
		alias: {
			$content: 'content',
			// Written by the client build (scripts/precache-plan.js), read by the service worker.
			'$precache-plan': '.svelte-kit/precache-plan.json'
		},
		csp: {
			mode: 'auto',
			directives: CONTENT_SECURITY_POLICY
		}
	}
};

export default config;
