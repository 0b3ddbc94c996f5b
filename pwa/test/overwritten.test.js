/** Her edit of a good practice overwritten by someone else's later edit is kept beside the row (store/overwritten.js). */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, NETWORK, OTHER, aForum, freshDevice, serverHas, store, write } from './world.js';

const PRACTICE = '0190a1b2-0000-7000-8000-000000000301';
const LATER = '2026-12-01T09:00:00.000Z';
const EVEN_LATER = '2026-12-02T09:00:00.000Z';

/** @param {Record<string, any>} fields */
const practice = (fields = {}) => ({
  type: 'resource', id: PRACTICE, network_id: NETWORK, title: 'Geoplan', description: 'Pierwszy opis', tags: [],
  school_level: null, subject: '', kind: 'link', url: 'https://example.org/geoplan', author_id: ME,
  from_post_id: null, created_at: AT, edited_at: null, edited_by: null, ...fields,
});

beforeEach(async () => {
  await freshDevice();
  await store.setMeta('me', { id: ME, name: 'Anna Nowak', email: 'anna@example.org' });
  await aForum();
  await serverHas([practice()]);
});

test('her pending edit overwritten by his later one is kept beside the row', async () => {
  await write('resource.update', { id: PRACTICE, description: 'Mój opis z lekcji' });
  assert.equal((await store.getRow('resource', PRACTICE)).edited_by, ME);
  const after = new Date(Date.now() + 60_000).toISOString(); // her edit is stamped with the device's clock
  await serverHas([practice({ description: 'Opis koordynatora', edited_at: after, edited_by: OTHER })]);
  const kept = await store.overwrittenOf(PRACTICE);
  assert.equal(kept?.mine.description, 'Mój opis z lekcji');
  assert.equal(kept?.by, OTHER);
  assert.equal(kept?.at, after);
});

test('her confirmed edit overwritten later is kept; her own edit coming back settles it', async () => {
  await serverHas([practice({ description: 'Mój opis', edited_at: LATER, edited_by: ME })]);
  assert.equal(await store.overwrittenOf(PRACTICE), null);
  await serverHas([practice({ description: 'Opis koordynatora', edited_at: EVEN_LATER, edited_by: OTHER })]);
  assert.equal((await store.overwrittenOf(PRACTICE))?.mine.description, 'Mój opis');
  await serverHas([practice({ description: 'Mój opis', edited_at: '2026-12-03T09:00:00.000Z', edited_by: ME })]);
  assert.equal(await store.overwrittenOf(PRACTICE), null);
});

test('nothing is kept when she did not edit it, the values agree, or his edit is older', async () => {
  await serverHas([practice({ description: 'Opis koordynatora', edited_at: LATER, edited_by: OTHER })]);
  assert.equal(await store.overwrittenOf(PRACTICE), null); // not hers
  await serverHas([practice({ description: 'Mój opis', edited_at: EVEN_LATER, edited_by: ME })]);
  await serverHas([practice({ description: 'Mój opis', tags: [], edited_at: '2026-12-03T09:00:00.000Z', edited_by: OTHER })]);
  assert.equal(await store.overwrittenOf(PRACTICE), null); // the same values
  await serverHas([practice({ description: 'Mój drugi opis', edited_at: '2026-12-04T09:00:00.000Z', edited_by: ME })]);
  await serverHas([practice({ description: 'Starszy opis', edited_at: LATER, edited_by: OTHER })]);
  assert.equal(await store.overwrittenOf(PRACTICE), null); // his is not later
});

test('leaving his version forgets hers; a deleted practice forgets it too', async () => {
  await serverHas([practice({ description: 'Mój opis', edited_at: LATER, edited_by: ME })]);
  await serverHas([practice({ description: 'Opis koordynatora', edited_at: EVEN_LATER, edited_by: OTHER })]);
  await store.forgetOverwritten(PRACTICE);
  assert.equal(await store.overwrittenOf(PRACTICE), null);
  await serverHas([practice({ description: 'Mój opis', edited_at: '2026-12-03T09:00:00.000Z', edited_by: ME })]);
  await serverHas([practice({ description: 'Inny', edited_at: '2026-12-04T09:00:00.000Z', edited_by: OTHER })]);
  assert.ok(await store.overwrittenOf(PRACTICE));
  await store.applyPull({ cursor: 'd1', more: false, changes: [{ op: 'delete', scope: `network:${NETWORK}`, type: 'resource', id: PRACTICE }] }, (await import('./world.js')).mutators);
  assert.equal(await store.overwrittenOf(PRACTICE), null);
});
