/**
 * A device for a test: a fresh database, her as the actor, the server's rows
 * as a pull brings them, and her writes as the app makes them (the store runs
 * the local mutator and keeps the outbox entry in one transaction).
 */
import * as store from '../src/store/index.js';
import { mutators } from '../src/sync/mutators.js';
import { setActor } from '../src/sync/mutation-kit.js';
import { uuid } from '../src/sync/uuid.js';

export const ME = '0190a1b2-0000-7000-8000-00000000000a';
export const OTHER = '0190a1b2-0000-7000-8000-00000000000b';
export const NETWORK = '0190a1b2-0000-7000-8000-000000000001';
export const THREAD = '0190a1b2-0000-7000-8000-000000000101';
export const POST = '0190a1b2-0000-7000-8000-000000000201';
export const AT = '2026-11-30T10:00:00.000Z';

let pulls = 0;

/** A device with nothing on it, signed in as ME. */
export async function freshDevice() {
  await store.deleteDatabase();
  setActor(ME);
  pulls = 0;
}

/**
 * The server's rows, as one page of a pull.
 * @param {Record<string, any>[]} rows each {type, ...fields}, id among them
 * @param {string} [scope]
 */
export async function serverHas(rows, scope = `network:${NETWORK}`) {
  const changes = rows.map(({ type, ...data }) => ({ op: 'put', scope, type, id: data.id, data }));
  pulls += 1;
  await store.applyPull({ cursor: `c${pulls}`, more: false, changes }, mutators);
}

/** @param {string} name @param {object} args @param {import('../src/store/files.js').Attached[]} [files] */
export const write = (name, args, files) => store.runLocalMutation(name, args, mutators, uuid, files);

/** What waits in the outbox, by name. */
export async function outboxNames() {
  const { entries } = await store.outboxBatch(1000);
  return entries.map((e) => e.name);
}

/** A network with her and OTHER as members, a thread by OTHER and its first post. */
export async function aForum({ recruitment = 'open', status = 'active' } = {}) {
  await serverHas([
    { type: 'network', id: NETWORK, name: 'Sieć matematyków', kind: 'subject', topic: 'matematyka', recruitment,
      status, capacity: null, member_count: 2, coordinator_ids: [OTHER], school_year: '2026/2027', created_at: AT },
    { type: 'thread', id: THREAD, network_id: NETWORK, title: 'Ułamki', author_id: OTHER, pinned: false,
      locked: false, category_id: null, created_at: AT, last_post_at: AT, post_count: 1 },
    { type: 'post', id: POST, thread_id: THREAD, network_id: NETWORK, body: 'Oś liczbowa na boisku.',
      reply_to_id: null, mentions: [], author_id: OTHER, created_at: AT, edited_at: null },
  ]);
}

export { store, mutators, uuid };
