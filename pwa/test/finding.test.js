/** Finding things: home's new-post counts per network, from the device alone; the words a search marks. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, NETWORK, OTHER, THREAD, aForum, freshDevice, serverHas, store, uuid, write } from './world.js';
import { highlight } from '../src/ui/search/highlight.js';

const SECOND = '0190a1b2-0000-7000-8000-000000000002';
const LATER = '2026-11-30T12:00:00.000Z';

beforeEach(async () => {
  await freshDevice();
  await aForum();
});

test('home counts the posts new to her in each network, her own left out; reading drops the count', async () => {
  const other = uuid();
  await serverHas([
    { type: 'post', id: uuid(), thread_id: THREAD, network_id: NETWORK, body: 'Druga', reply_to_id: null, mentions: [],
      author_id: OTHER, created_at: LATER, edited_at: null },
    { type: 'post', id: uuid(), thread_id: THREAD, network_id: NETWORK, body: 'Moja', reply_to_id: null, mentions: [],
      author_id: ME, created_at: LATER, edited_at: null },
  ]);
  await serverHas([
    { type: 'network', id: SECOND, name: 'Sieć zdolnych', kind: 'problem', topic: 'uczeń zdolny', recruitment: 'open',
      status: 'active', capacity: null, member_count: 2, coordinator_ids: [OTHER], school_year: '2026/2027', created_at: AT },
    { type: 'thread', id: other, network_id: SECOND, title: 'Projekty', author_id: OTHER, pinned: false, locked: false,
      category_id: null, created_at: AT, last_post_at: AT, post_count: 1 },
    { type: 'post', id: uuid(), thread_id: other, network_id: SECOND, body: 'Projekt badawczy', reply_to_id: null,
      mentions: [], author_id: OTHER, created_at: AT, edited_at: null },
  ], `network:${SECOND}`);
  assert.deepEqual([...(await store.unreadByNetwork(ME))].sort(), [[NETWORK, 2], [SECOND, 1]]);

  await write('thread.state', { thread_id: THREAD, read_at: AT }); // read up to the first post only
  assert.deepEqual([...(await store.unreadByNetwork(ME))].sort(), [[NETWORK, 1], [SECOND, 1]]);
  await write('thread.state', { thread_id: THREAD, read_at: LATER });
  assert.deepEqual([...(await store.unreadByNetwork(ME))], [[SECOND, 1]]);
});

test('a search marks whole words its terms start, folded as the search folds them; markup stays text', () => {
  assert.deepEqual(highlight('Liczyliśmy żółwie: <b>ułamki</b>!', 'ZOLW ulamkow'), [
    { text: 'Liczyliśmy ', hit: false },
    { text: 'żółwie', hit: true },
    { text: ': <b>', hit: false },
    { text: 'ułamki', hit: true },
    { text: '</b>!', hit: false },
  ]);
  assert.deepEqual(highlight('Nic tu nie ma', 'żółw'), [{ text: 'Nic tu nie ma', hit: false }]);
  assert.deepEqual(highlight('', 'żółw'), []);
});
