/** Her signed-in devices: signing out one, or every one but this, leaves her list at once. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, freshDevice, outboxNames, serverHas, store, uuid, write } from './world.js';
import { loadSession } from '../src/sync/session.js';

const HERE = uuid();
const PHONE = uuid();
const TABLET = uuid();

/** @param {string} id @param {string} device */
const aSession = (id, device) => ({ type: 'session', id, device, created_at: AT, last_seen_at: AT, expires_at: AT });

beforeEach(async () => {
  await freshDevice();
  // @ts-ignore: what loadSession reads besides the store
  globalThis.localStorage = { getItem: () => null };
  await store.setMeta('session_id', HERE); // what /api/me said of this device
  await loadSession();
  await serverHas([aSession(HERE, 'Chrome, Windows'), aSession(PHONE, 'Chrome, Android'),
    aSession(TABLET, 'Safari, iPad')], `user:${ME}`);
});

const ids = async () => (await store.allRows('session')).map((s) => s.id).sort();

test('signing out her phone takes it off her list and waits in the outbox', async () => {
  await write('session.revoke', { id: PHONE });
  assert.deepEqual(await ids(), [HERE, TABLET].sort());
  assert.deepEqual(await outboxNames(), ['session.revoke']);
});

test('signing out all the others keeps this device', async () => {
  await write('session.revoke_others', {});
  assert.deepEqual(await ids(), [HERE]);
  assert.deepEqual(await outboxNames(), ['session.revoke_others']);
});

test('a session id that is not one is refused by the server’s rule', async () => {
  await assert.rejects(write('session.revoke', { id: 'nie-uuid' }));
  assert.deepEqual(await outboxNames(), []);
});
