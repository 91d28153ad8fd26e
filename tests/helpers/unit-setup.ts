// Unit tests run in Node; IndexedDB comes from fake-indexeddb so Dexie modules can be tested.
import 'fake-indexeddb/auto';
