/**
 * Entry of the bench's browser-only bundle (lib/bench-bundle.js, `buildDeviceBundle`): the
 * device's own storage and search-index code with the real PouchDB and Dexie, so a page at 4×
 * CPU runs exactly what a phone runs after a pull. Not importable in Node (PouchDB's browser
 * build needs IndexedDB), hence apart from search-entry.js.
 */
import PouchDB from '../src/lib/sync/pouchdb';
import { AppDb } from '../src/lib/db/app-db';
import { IncrementalSearchIndex } from '../src/lib/sync/incremental-search-index';
import { loadSearchIndex } from '../src/lib/search/search-store';
import { CorpusGenerator } from '../src/lib/search/test-corpus';

export { AppDb, CorpusGenerator, IncrementalSearchIndex, loadSearchIndex, PouchDB };
