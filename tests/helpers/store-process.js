// The embedded store in a process of its own, as Apache CouchDB runs apart from the app
// servers: the store-outage tests kill it (SIGKILL, mid-traffic) and start it again on the same
// data, port and secret, so the app servers keep the URL they were given.
//
//   node tests/helpers/store-process.js <dataDir> <port> <secret>
//
// Prints `listo <url>` once it listens.
import { startEmbeddedStore } from '../../server/store.js';

const [dataDir, port, secret] = process.argv.slice(2);
if (!dataDir || !port || !secret) {
	console.error('Uso: node tests/helpers/store-process.js <dataDir> <port> <secret>');
	process.exit(2);
}
const store = await startEmbeddedStore({ dataDir, port: Number(port), secret });
console.log(`listo ${store.url}`);
