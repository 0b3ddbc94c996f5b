/** The library's and the files' local mutators, and the table as a whole. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, NETWORK, POST, THREAD, aForum, freshDevice, mutators, outboxNames, serverHas, store, uuid, write } from './world.js';
import { uuid5 } from '../src/sync/uuid5.js';
import { ruledMutations } from '../src/sync/rules.js';
import '../src/sync/plans/index.js'; // the plan's mutators come with its screens' chunk (mutators.addMutators)
import '../src/sync/docs/versions.js'; // the versions' mutator comes with the editor's chunk

beforeEach(async () => {
  await freshDevice();
  await aForum();
});

const SHA = 'a'.repeat(64);

test('a new post’s file shows at once and waits beside the outbox for its bytes', async () => {
  const id = uuid();
  const blob = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
  const attachment = { id: uuid(), post_id: id, sha256: SHA, name: 'karta.pdf' };
  await write('post.create', { id, thread_id: THREAD, body: 'Karta pracy w załączniku' },
    [{ file: { sha256: SHA, blob, name: 'karta.pdf' }, args: attachment }]);
  const row = await store.getRow('attachment', attachment.id);
  assert.equal(row.post_id, id);
  assert.equal(row.mime, 'application/pdf');
  assert.equal(row.size, blob.size);
  assert.deepEqual(await outboxNames(), ['post.create']); // attachment.add waits for its upload
  const [waiting] = await store.waitingUploads();
  assert.equal(waiting.entry.name, 'attachment.add');
  assert.equal(waiting.file?.name, 'karta.pdf');
});

test('a file on someone else’s post is refused', async () => {
  await assert.rejects(write('attachment.add', { id: uuid(), post_id: POST, sha256: SHA, name: 'a.pdf' }),
    (/** @type {any} */ err) => err.code === 'forbidden');
});

test('a post promoted to a practice takes its files along under the server’s ids', async () => {
  const post = uuid();
  const file = uuid();
  await serverHas([
    { type: 'post', id: post, thread_id: THREAD, network_id: NETWORK, body: 'Oś liczbowa', reply_to_id: null,
      mentions: [], author_id: ME, created_at: AT, edited_at: null },
    { type: 'attachment', id: file, post_id: post, resource_id: null, network_id: NETWORK, name: 'os.png',
      mime: 'image/png', size: 10, sha256: SHA, has_thumbnail: true, created_at: AT },
  ]);
  const resource = uuid();
  await write('post.promote', { post_id: post, resource_id: resource, title: 'Oś liczbowa', tags: ['ułamki'],
    school_level: 'klasy_4_8', subject: 'matematyka' });
  const practice = await store.getRow('resource', resource);
  assert.equal(practice.description, 'Oś liczbowa'); // the post's text, as she wrote none
  const copy = await store.getRow('attachment', uuid5(resource, file));
  assert.equal(copy.resource_id, resource);
  assert.equal(copy.post_id, null);
});

test('a link practice needs its address; tags are kept without repeats', async () => {
  const base = { id: uuid(), network_id: NETWORK, kind: 'link', title: 'Aplikacja do ułamków' };
  await assert.rejects(write('resource.create', base), (/** @type {any} */ err) => err.fields?.url === 'required');
  await assert.rejects(write('resource.create', { ...base, url: 'ftp://example.org' }),
    (/** @type {any} */ err) => err.fields?.url === 'url');
  await write('resource.create', { ...base, url: 'https://example.org/ulamki', tags: ['Ułamki', 'ułamki', ' oś '] });
  assert.deepEqual((await store.getRow('resource', base.id)).tags, ['Ułamki', 'oś']);
});

test('every local mutator is a server mutation, and every mutation a device makes has one', () => {
  const server = new Set(ruledMutations());
  for (const name of Object.keys(mutators)) assert.ok(server.has(name), `${name}: no such mutation on the server`);
  // Run by the server alone, from the screen of an e-mailed link (no outbox, no account yet).
  const linkOnly = new Set(['invitation.accept', 'network_request.confirm']);
  for (const name of server) if (!linkOnly.has(name)) assert.ok(name in mutators, `${name}: no local mutator`);
});
