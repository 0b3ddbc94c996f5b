/**
 * What the tests of the local mutators run on: a real IndexedDB in memory
 * (fake-indexeddb) under the real store, and no BroadcastChannel (an open one
 * keeps node running; one tab is all a test has). Imported first.
 */
import 'fake-indexeddb/auto';

// @ts-ignore: the store checks for it and goes without
globalThis.BroadcastChannel = undefined;
