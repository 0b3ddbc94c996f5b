/** The networks' local mutators: joining, leaving, the staff's decision and invitations. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, NETWORK, OTHER, aForum, freshDevice, outboxNames, serverHas, store, uuid, write } from './world.js';
import { MutationError } from '../src/sync/mutation-kit.js';

beforeEach(freshDevice);

/** @param {string} code */
const refusal = (code) => (/** @type {any} */ err) => err instanceof MutationError && err.code === code;

test('joining an open network makes her a member at once; a closed one waits for the coordinator', async () => {
  await aForum({ recruitment: 'open' });
  await write('membership.join', { network_id: NETWORK });
  assert.equal((await store.membershipIn(ME, NETWORK)).status, 'active');

  await freshDevice();
  await aForum({ recruitment: 'closed' });
  await write('membership.join', { network_id: NETWORK });
  assert.equal((await store.membershipIn(ME, NETWORK)).status, 'pending');
  await assert.rejects(write('membership.join', { network_id: NETWORK }), refusal('conflict'));
});

test('nobody joins an archived network', async () => {
  await aForum({ status: 'archived' });
  await assert.rejects(write('membership.join', { network_id: NETWORK }), refusal('archived'));
  assert.deepEqual(await outboxNames(), []);
});

test('an approved request becomes a network with its coordinator and the teacher who asked', async () => {
  const request = uuid();
  await serverHas([{ type: 'network_request', id: request, requester_id: OTHER, name: 'Sieć polonistów',
    kind: 'subject', topic: 'język polski', justification: 'Chcemy wymieniać się scenariuszami.',
    recruitment: 'closed', expected_members: 10, status: 'pending', reason: null, network_id: null,
    created_at: AT, decided_at: null }], 'staff');
  const network = uuid();
  await write('network_request.approve', { id: request, coordinator_id: ME, network_id: network });
  const made = await store.getRow('network', network);
  assert.equal(made.name, 'Sieć polonistów');
  assert.deepEqual(made.coordinator_ids, [ME]);
  assert.equal(made.member_count, 2);
  assert.equal((await store.membershipIn(ME, network)).role, 'coordinator');
  assert.equal((await store.membershipIn(OTHER, network)).role, 'member');
  await assert.rejects(write('network_request.approve', { id: request, coordinator_id: ME, network_id: uuid() }),
    refusal('conflict'));
});

test('a request breaking the server’s rules names each field', async () => {
  await assert.rejects(
    write('network_request.create', { id: uuid(), name: 'ab', kind: 'other', topic: 'matematyka',
      justification: 'krótko', recruitment: 'open', expected_members: 501 }),
    (/** @type {any} */ err) => {
      assert.deepEqual(err.fields, { name: 'too_short', kind: 'choose', justification: 'too_short', expected_members: 'range' });
      return true;
    },
  );
});

test('an expert is invited until a day that is not past, and the invitation writes no row', async () => {
  await aForum();
  const invite = { network_id: NETWORK, email: 'ekspert@example.org', role: 'expert' };
  await assert.rejects(write('membership.invite', invite), (/** @type {any} */ err) => err.fields?.until === 'required');
  await assert.rejects(write('membership.invite', { ...invite, until: '2020-01-01' }),
    (/** @type {any} */ err) => err.fields?.until === 'past');
  await write('membership.invite', { ...invite, until: '2099-06-30' });
  assert.deepEqual(await outboxNames(), ['membership.invite']);
});

test('the coordinator cannot leave her network; a member can', async () => {
  await aForum();
  await serverHas([{ type: 'membership', id: uuid(), network_id: NETWORK, user_id: ME, role: 'coordinator',
    status: 'active', expires_at: null, created_at: AT }], `user:${ME}`);
  await assert.rejects(write('membership.leave', { network_id: NETWORK }), refusal('forbidden'));
});
