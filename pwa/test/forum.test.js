/** The forum's local mutators on the real store: what she sees at once, and what is refused. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, NETWORK, OTHER, POST, THREAD, aForum, freshDevice, mutators, outboxNames, serverHas, store, uuid, write } from './world.js';
import { MutationError } from '../src/sync/mutation-kit.js';

beforeEach(async () => {
  await freshDevice();
  await aForum();
});

test('a reply shows at once, counted in its thread, and waits in the outbox', async () => {
  const id = uuid();
  await write('post.create', { id, thread_id: THREAD, body: '  Klocki Cuisenaire’a.  ', mentions: [] });
  const post = await store.getRow('post', id);
  assert.equal(post.body, 'Klocki Cuisenaire’a.'); // trimmed, as the server keeps it
  assert.equal(post.author_id, ME);
  assert.equal(post.pending, true);
  assert.equal((await store.getRow('thread', THREAD)).post_count, 2);
  assert.deepEqual(await outboxNames(), ['post.create']);
});

test('a reply over the server’s limit is refused on its field and nothing is written', async () => {
  const id = uuid();
  await assert.rejects(write('post.create', { id, thread_id: THREAD, body: 'x'.repeat(20_001) }), (err) => {
    assert.ok(err instanceof MutationError);
    assert.equal(err.code, 'invalid');
    assert.deepEqual(err.fields, { body: 'too_long' });
    return true;
  });
  assert.equal(await store.getRow('post', id), null);
  assert.deepEqual(await outboxNames(), []);
});

test('a title counts characters as the server does: 200 emoji fit, 201 letters do not', async () => {
  const args = { id: uuid(), network_id: NETWORK, post_id: uuid(), body: 'Treść', mentions: [] };
  await write('thread.create', { ...args, title: '🐢'.repeat(200) });
  await assert.rejects(write('thread.create', { ...args, id: uuid(), post_id: uuid(), title: 't'.repeat(201) }),
    (err) => err instanceof MutationError && err.fields?.title === 'too_long');
});

test('only her own posts may be edited', async () => {
  await assert.rejects(write('post.update', { id: POST, body: 'Moja wersja' }),
    (err) => err instanceof MutationError && err.code === 'forbidden');
});

test('a post she deletes leaves the screen and its thread’s count', async () => {
  const id = uuid();
  await write('post.create', { id, thread_id: THREAD, body: 'Pomyłka' });
  await write('post.delete', { id });
  assert.equal(await store.getRow('post', id), null);
  assert.equal((await store.getRow('thread', THREAD)).post_count, 1);
});

test('reading a thread reads what the bell told of there, up to the post she read', async () => {
  const note = (id, created_at) => ({ type: 'notification', id, user_id: ME, thread_id: THREAD, kind: 'reply',
    created_at, read_at: null });
  const later = '2026-11-30T12:00:00.000Z';
  await serverHas([note(uuid(), AT), note(uuid(), later)], `user:${ME}`);
  await write('thread.state', { thread_id: THREAD, read_at: AT });
  const notes = await store.notificationList();
  assert.deepEqual(notes.map((n) => !!n.read_at).sort(), [false, true]);
  assert.equal(await store.unreadNotificationCount(), 1);
});

test('“pomocne” is for others’ posts and set, not toggled', async () => {
  await write('post.react', { post_id: POST, helpful: true });
  await write('post.react', { post_id: POST, helpful: true });
  assert.equal((await store.allRows('reaction')).length, 1);
  const mine = uuid();
  await write('post.create', { id: mine, thread_id: THREAD, body: 'Moje' });
  await assert.rejects(write('post.react', { post_id: mine, helpful: true }),
    (err) => err instanceof MutationError && err.code === 'forbidden');
});

test('a refused push takes the reply off the screen and keeps her words in the rejected list', async () => {
  const id = uuid();
  await write('post.create', { id, thread_id: THREAD, body: 'Zostanie odrzucone' });
  const { clientId, entries } = await store.outboxBatch(10);
  const error = { code: 'locked', message: 'Wątek jest zamknięty.' };
  assert.equal(await store.applyPushResults(/** @type {string} */ (clientId), [{ id: entries[0].id, status: 'rejected', error }], mutators), 1);
  assert.equal(await store.getRow('post', id), null);
  assert.equal((await store.getRow('thread', THREAD)).post_count, 1);
  const [rejected] = await store.rejectedList();
  assert.equal(rejected.args.body, 'Zostanie odrzucone');
  assert.equal(rejected.error.code, 'locked');
});

test('a pull keeps what still waits on top of the server’s rows (rebase)', async () => {
  const id = uuid();
  await write('post.create', { id, thread_id: THREAD, body: 'Czeka' });
  await serverHas([{ type: 'thread', id: THREAD, network_id: NETWORK, title: 'Ułamki (nowy tytuł)', author_id: OTHER,
    pinned: true, locked: false, category_id: null, created_at: AT, last_post_at: AT, post_count: 3 }]);
  const thread = await store.getRow('thread', THREAD);
  assert.equal(thread.title, 'Ułamki (nowy tytuł)');
  assert.equal(thread.post_count, 4); // the server's three and her waiting reply
  assert.equal((await store.getRow('post', id)).pending, true);
});
