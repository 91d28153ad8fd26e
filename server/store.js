// The embedded CouchDB-compatible store: express-pouchdb over LevelDB, bound to loopback and
// guarded by a per-process secret so only this Node process (the app's own routes) can reach it.
// Production sets COUCHDB_URL instead and this file is never loaded.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import express from 'express';

const require = createRequire(import.meta.url);

/**
 * Starts the embedded store and resolves with the URL (credentials included) the app uses for it.
 * A `port` and `secret` given again give the same URL: a store restarted on the same data answers
 * the app servers that already know it (the store-outage tests restart it that way).
 * @param {{ dataDir: string, port?: number, secret?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startEmbeddedStore({
	dataDir,
	port = 0,
	secret = randomBytes(24).toString('hex')
}) {
	const PouchDB = require('pouchdb-core')
		.plugin(require('pouchdb-adapter-leveldb'))
		.plugin(require('pouchdb-adapter-http'))
		.plugin(require('pouchdb-replication'))
		.plugin(require('pouchdb-mapreduce'));
	const expressPouchDB = require('express-pouchdb');

	const dir = path.resolve(dataDir);
	mkdirSync(dir, { recursive: true });
	const LocalPouch = PouchDB.defaults({ prefix: dir + path.sep });

	const user = 'ventanilla';
	const expected = new Uint8Array(
		Buffer.from('Basic ' + Buffer.from(`${user}:${secret}`).toString('base64'))
	);

	const app = express();
	app.disable('x-powered-by');
	app.use((req, res, next) => {
		const given = new Uint8Array(Buffer.from(req.headers.authorization ?? ''));
		if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
		res.status(401).json({ error: 'unauthorized', reason: 'Embedded store is private' });
	});
	app.use(
		expressPouchDB(LocalPouch, {
			mode: 'minimumForPouchDB',
			inMemoryConfig: true,
			overrideMode: { include: ['validation'] }
		})
	);

	/** @type {import('node:http').Server} */
	const server = await new Promise((resolve, reject) => {
		const s = app.listen(port, '127.0.0.1', () => resolve(s));
		s.on('error', reject);
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://${user}:${secret}@127.0.0.1:${address.port}`,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				// Keep-alive sockets of the app servers would hold the close open.
				server.closeAllConnections();
			})
	};
}
