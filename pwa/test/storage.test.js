/** Phone storage per network: sizes from IndexedDB, pruning that spares the networks kept whole, a stale page refused. */
import './setup.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as store from '../src/store/index.js';
import { mutators } from '../src/sync/mutators.js';
import { setNetworkKept, windowChoice } from '../src/sync/pull.js';
import { freshDevice, ME, OTHER, NETWORK, THREAD, serverHas } from './world.js';

const SECOND = '0190a1b2-0000-7000-8000-000000000002';
const OTHER_THREAD = '0190a1b2-0000-7000-8000-000000000102';
const OLD = '2025-01-10T10:00:00.000Z';

const post = (id, thread_id, body, created_at = OLD) => ({ type: 'post', id, thread_id, author_id: OTHER, body, created_at });

async function twoNetworks() {
  await freshDevice();
  await serverHas([{ type: 'thread', id: THREAD, network_id: NETWORK, title: 'Ułamki' },
    post('p1', THREAD, 'Stary wpis w pierwszej sieci'), post('p2', THREAD, 'Drugi stary wpis'),
    { type: 'attachment', id: 'a1', post_id: 'p1', sha256: 'f'.repeat(64), name: 'karta.pdf', size: 5000 }]);
  await serverHas([{ type: 'thread', id: OTHER_THREAD, network_id: SECOND, title: 'Zdolni' },
    post('q1', OTHER_THREAD, 'Stary wpis w drugiej sieci')], `network:${SECOND}`);
  await store.keepOffline('f'.repeat(64), { blob: new Blob(['x'.repeat(5000)], { type: 'application/pdf' }), name: 'karta.pdf' });
}

test('each network is measured by its own rows and the files its attachments name', async () => {
  await twoNetworks();
  const sizes = await store.networkSizes();
  assert.equal(sizes[NETWORK].posts, 2);
  assert.equal(sizes[SECOND].posts, 1);
  assert.equal(sizes[NETWORK].files, 1);
  assert.equal(sizes[NETWORK].fileBytes, 5000);
  assert.equal(sizes[SECOND].files, 0);
  assert.ok(sizes[NETWORK].bytes > sizes[SECOND].bytes && sizes[SECOND].bytes > 100);
});

test('pruning spares the networks she keeps whole', async () => {
  await twoNetworks();
  assert.equal(await store.pruneOldPosts(ME, 90, [NETWORK]), 1);
  assert.ok(await store.getRow('post', 'p1'));
  assert.equal(await store.getRow('post', 'q1'), null);
});

test('choosing per network leaves the older "keep everything" with the others kept whole', async () => {
  await freshDevice();
  await store.setMeta('keep_all', true);
  await setNetworkKept(SECOND, false, [NETWORK, SECOND]);
  assert.deepEqual(await windowChoice(), { keepAll: false, kept: [NETWORK] });
  await setNetworkKept(SECOND, true, [NETWORK, SECOND]);
  assert.deepEqual(await windowChoice(), { keepAll: false, kept: [NETWORK, SECOND].sort() });
});

test('a page asked before she changed a network is not applied', async () => {
  await freshDevice();
  await serverHas([post('p1', THREAD, 'Wpis')]);
  const cursor = await store.getMeta('cursor');
  await setNetworkKept(NETWORK, true, [NETWORK]);
  const page = { cursor: 'later', more: false, changes: [] };
  assert.equal(await store.applyPull(page, mutators, { cursor, keepAll: false, kept: [] }), false);
  assert.equal(await store.getMeta('cursor'), cursor);
  assert.equal(await store.applyPull(page, mutators, { cursor, keepAll: false, kept: [NETWORK] }), true);
});
