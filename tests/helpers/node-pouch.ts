/** PouchDB for Node-side tests: in-memory local databases that replicate over HTTP. */
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

PouchDB.plugin(memory).plugin(http).plugin(replication);

let n = 0;
export function memoryDb(): PouchDB.Database {
	return new PouchDB(`test-${Date.now()}-${n++}`, { adapter: 'memory' });
}

export { PouchDB };
