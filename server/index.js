// Ventanilla's Node entry point (`npm start`). With more than one worker (the default: one per
// core) this is the cluster's primary (server/primary.js): it hosts the embedded store unless
// COUCHDB_URL points at Apache CouchDB, and forks the app workers, which run this file again and
// serve the app (server/app.js) on the shared port. With `WORKERS=1` one process does both.
// JavaScript so Node ≥ 20.19 runs it without a build step; `npm run check:types` checks it through
// its JSDoc.
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
		const { startEmbeddedStore } = await import('./store.js');
		const store = await startEmbeddedStore({ dataDir: settings.DATA_DIR });
		// The SvelteKit server reads COUCHDB_URL at init; the embedded store is just another CouchDB.
		useEmbeddedStore(store.url);
	}
	const { serveApp } = await import('./app.js');
	await serveApp(settings);
}
