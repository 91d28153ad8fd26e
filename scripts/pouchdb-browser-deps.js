// PouchDB imports two modules written for Node: `events` and `uuid`. The browser build gets the
// portal's own (src/lib/sync/event-emitter.js, the part of Node's EventEmitter PouchDB uses;
// src/lib/sync/uuid.js, the browser's `crypto.randomUUID`): 0.9 KB instead of 3.3 KB compressed
// in every device's install. An alias for every build, yet only the browser's bundles PouchDB:
// the server and the tests load it from node_modules, with Node's `events` and the `uuid`
// package.
import { fileURLToPath } from 'node:url';

const own = (/** @type {string} */ file) =>
	fileURLToPath(new URL(`../src/lib/sync/${file}`, import.meta.url));

/** @returns {import('vite').Plugin} */
export function pouchdbBrowserDeps() {
	return {
		name: 'ventanilla-pouchdb-browser-deps',
		config: () => ({
			resolve: {
				alias: [
					{ find: /^events$/, replacement: own('event-emitter.js') },
					{ find: /^uuid$/, replacement: own('uuid.js') }
				]
			}
		})
	};
}
