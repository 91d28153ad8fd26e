// `uuid`'s v4, as PouchDB uses it (document ids, revisions, replication sessions), for the browser
// build (scripts/pouchdb-browser-deps.js): the browser's own generator, the same format, instead
// of the package's 1 KB compressed. The portal runs only in secure contexts (its service worker
// needs one), where `crypto.randomUUID` always exists.

export const v4 = () => crypto.randomUUID();
