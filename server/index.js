// Ventanilla's Node entry point (`npm start`). Unless COUCHDB_URL points at Apache CouchDB, the
// embedded store runs in a process of its own (server/store-child.js), so on a 2-core server the
// store and the app each have a core. With more than one app process (WORKERS; by default one
// per core, less the embedded store's) this is the cluster's primary (server/primary.js), which
// forks the app workers; they run this file again and serve the app (server/app.js) on the
// shared port. With one app process (the default on 2 cores with the embedded store) this
// process serves the app itself. JavaScript so Node ≥ 20.19 runs it without a build step;
// `npm run check:types` checks it through its JSDoc.
import cluster from 'node:cluster';
import { ConfigError, parseConfig, useEmbeddedStore } from '../src/lib/server/config.js';

/** @type {import('../src/lib/server/config.js').Config} */
let settings;
try {
	settings = parseConfig();
} catch (e) {
	if (!(e instanceof ConfigError)) throw e;
	console.error(e.message);
	process.exit(1);
}

if (cluster.isPrimary && settings.WORKERS > 1) {
	const { runPrimary } = await import('./primary.js');
	await runPrimary(settings);
} else {
	// A worker was given the store's URL by the primary; only a lone process starts its own.
	if (!settings.COUCHDB_URL) {
		// The store in a process of its own (its own core and event loop); it stops with this one.
		const { startStoreProcess } = await import('./store-child.js');
		let stopping = false;
		for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
			process.once(signal, () => (stopping = true));
		}
		const store = await startStoreProcess(settings.DATA_DIR, () => stopping);
		// The SvelteKit server reads COUCHDB_URL at init; the embedded store is just another CouchDB.
		useEmbeddedStore(store.url);
	}
	const { serveApp } = await import('./app.js');
	await serveApp(settings);
}
