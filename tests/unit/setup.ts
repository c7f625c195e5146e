// Dexie must find an IndexedDB before it loads; fake-indexeddb gives Node one.
import 'fake-indexeddb/auto';
