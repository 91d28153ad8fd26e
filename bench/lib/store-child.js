/**
 * Child process that runs the app's embedded store (server/store.js) for the bench, so the
 * store's LevelDB work does not share an event loop with the bench's clients. Prints its URL
 * (credentials included) as one JSON line on stdout and runs until killed.
 * Usage: node bench/lib/store-child.js <dataDir>
 */
import { startEmbeddedStore } from '../../server/store.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: store-child.js <dataDir>');
const store = await startEmbeddedStore({ dataDir });
process.stdout.write(JSON.stringify({ url: store.url }) + '\n');
process.on('SIGTERM', () => store.close().then(() => process.exit(0)));
