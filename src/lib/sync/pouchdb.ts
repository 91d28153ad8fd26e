/**
 * PouchDB as a device uses it: IndexedDB storage, the HTTP client and replication. Put together
 * from PouchDB's parts rather than `pouchdb-browser`, which also carries the map/reduce views
 * the portal never queries (~5 KB compressed of every device's install). The `idb` adapter is
 * the one `pouchdb-browser` used, under the same database names: a device's stored replica
 * stays readable.
 */
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

PouchDB.plugin(idb).plugin(http).plugin(replication);

export default PouchDB;
