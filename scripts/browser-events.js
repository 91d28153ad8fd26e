// PouchDB imports Node's `events` module. In the browser build it gets the portal's own
// EventEmitter (src/lib/sync/event-emitter.js): the part of Node's module PouchDB uses, 0.5 KB
// instead of 2.3 KB compressed in every device's install. An alias for every build, yet only
// the browser's bundles PouchDB: the server and the tests load it from node_modules, and it gets
// Node's own `events` there.
import { fileURLToPath } from 'node:url';

const EMITTER = fileURLToPath(new URL('../src/lib/sync/event-emitter.js', import.meta.url));

/** @returns {import('vite').Plugin} */
export function browserEvents() {
	return {
		name: 'ventanilla-browser-events',
		config: () => ({ resolve: { alias: [{ find: /^events$/, replacement: EMITTER }] } })
	};
}
