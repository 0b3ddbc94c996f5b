/** Deleted accounts on the device: her local `account.delete` changes nothing before the server's
 * answer (it waits in the outbox), and a deleted author's name is the one the screen asks for. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { ME, OTHER, aForum, freshDevice, outboxNames, serverHas, store, write } from './world.js';

beforeEach(async () => {
  await freshDevice();
  await aForum();
});

test('account.delete waits in the outbox and changes nothing on the device', async () => {
  await serverHas([{ type: 'user', id: ME, name: 'Anna Nowak', deleted: false }], `user:${ME}`);
  await write('account.delete', { user_id: null, remove_posts: true });
  assert.deepEqual(await outboxNames(), ['account.delete']);
  assert.equal((await store.getRow('user', ME)).name, 'Anna Nowak');
  assert.equal((await store.getRow('post', '0190a1b2-0000-7000-8000-000000000201')).author_id, OTHER);
});

test('a deleted account is named as the screen says, in its language', async () => {
  await serverHas([{ type: 'user', id: OTHER, name: 'Konto usunięte', deleted: true },
    { type: 'user', id: ME, name: 'Anna Nowak', deleted: false }]);
  const names = await store.userNames('Deleted account');
  assert.equal(names.get(OTHER), 'Deleted account');
  assert.equal(names.get(ME), 'Anna Nowak');
  assert.equal((await store.userNames()).get(OTHER), 'Konto usunięte');
});
