// The embedded store in a process of its own: the default start's primary runs it this way (so
// the store's work and the cluster's connection dealing do not share one event loop), and the
// store-outage tests kill it (SIGKILL, mid-traffic) and start it again on the same data, port
// and secret, so the app servers keep the URL they were given.
//
//   node server/store-process.js <dataDir> <port> <secret>
//
// Prints `listo <url>` once it listens (and sends `{ url }` to a parent that forked it).
import { startEmbeddedStore } from './store.js';

const [dataDir, port, secret] = process.argv.slice(2);
if (!dataDir || !port || !secret) {
	console.error('Uso: node server/store-process.js <dataDir> <port> <secret>');
	process.exit(2);
}
const store = await startEmbeddedStore({ dataDir, port: Number(port), secret });
console.log(`listo ${store.url}`);
process.send?.({ url: store.url });

async function stop() {
	await store.close();
	process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// Stop with the primary: a store left behind would hold DATA_DIR's LevelDB lock.
process.on('disconnect', () => void stop());
