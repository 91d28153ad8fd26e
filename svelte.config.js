import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
		alias: { $content: 'content' }
	}
};

export default config;
