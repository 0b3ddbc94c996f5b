/** Her passkeys on the device: renamed and removed at once, each a write waiting in the outbox. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, freshDevice, outboxNames, serverHas, store, uuid, write } from './world.js';

const PHONE = uuid();
const LAPTOP = uuid();

/** @param {string} id @param {string} name */
const aPasskey = (id, name) => ({ type: 'passkey', id, name, created_at: AT, last_used_at: null });

beforeEach(async () => {
  await freshDevice();
  await serverHas([aPasskey(PHONE, 'Chrome · Android'), aPasskey(LAPTOP, 'Firefox · Windows')], `user:${ME}`);
});

test('a passkey renamed shows its new name at once, trimmed as the server keeps it', async () => {
  await write('passkey.rename', { id: PHONE, name: '  Telefon służbowy ' });
  assert.equal((await store.getRow('passkey', PHONE)).name, 'Telefon służbowy');
  assert.deepEqual(await outboxNames(), ['passkey.rename']);
});

test('a passkey removed leaves her list at once', async () => {
  await write('passkey.remove', { id: PHONE });
  assert.deepEqual((await store.allRows('passkey')).map((p) => p.id), [LAPTOP]);
  assert.deepEqual(await outboxNames(), ['passkey.remove']);
});

test('an empty name or an unknown passkey is refused, and nothing waits', async () => {
  await assert.rejects(write('passkey.rename', { id: PHONE, name: '   ' }),
    (/** @type {any} */ err) => err.code === 'invalid' && 'name' in err.fields);
  await assert.rejects(write('passkey.remove', { id: uuid() }), (/** @type {any} */ err) => err.code === 'not_found');
  assert.deepEqual(await outboxNames(), []);
});
