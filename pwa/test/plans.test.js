/** The annual plan's local mutators: added with the plan's chunk, written offline as the server would
 * take them, refused as the server refuses (self-approval, an owner outside the network, a sent version),
 * amended as a new version with its tasks, progress ticked after approval. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, NETWORK, OTHER, aForum, freshDevice, mutators, outboxNames, serverHas, store, uuid, write } from './world.js';
import { MutationError } from '../src/sync/mutation-kit.js';
import '../src/sync/plans/index.js'; // adds the plan's mutators, as its screens do

const STRANGER = '0190a1b2-0000-7000-8000-00000000000c';
/** @param {string} code */
const refusal = (code) => (/** @type {any} */ err) => err instanceof MutationError && err.code === code;

/** Her membership (and OTHER's as a member); `staff`/`admin` on her user row. @param {string | null} role */
async function aNetwork(role, { staff = false, admin = false } = {}) {
  await aForum();
  const rows = [{ type: 'membership', id: uuid(), network_id: NETWORK, user_id: OTHER, role: 'member', status: 'active', expires_at: null, created_at: AT },
    { type: 'user', id: ME, name: 'Małgorzata Lis', is_staff: staff, is_admin: admin },
    { type: 'user', id: OTHER, name: 'Anna Nowak', is_staff: false, is_admin: false }];
  if (role) rows.push({ type: 'membership', id: uuid(), network_id: NETWORK, user_id: ME, role, status: 'active', expires_at: null, created_at: AT });
  await serverHas(rows);
}

/** A plan she wrote: its first version's id. */
async function aDraft() {
  const id = uuid();
  await write('plan.create', { id, network_id: NETWORK, school_year: 2026 });
  await write('plan.update', { version_id: `${id}:1`, sections: { goals: '  Ocenianie kształtujące  ' } });
  return { id, version: `${id}:1` };
}

const K1 = '0190a1b2-0000-7000-8000-0000000000f1';
const MINE = '0190a1b2-0000-7000-8000-0000000000f2';
const HERS = '0190a1b2-0000-7000-8000-0000000000f3';

beforeEach(freshDevice);

test("the plan's mutators come with its chunk, checked by the server's rules", () => {
  for (const name of ['plan.create', 'plan.update', 'plan.submit', 'plan.approve', 'plan.return', 'plan.amend',
    'plan.conclude', 'plan_task.create', 'plan_task.update', 'plan_task.remove', 'plan_task.progress', 'plan_approver.set']) {
    assert.equal(typeof mutators[name], 'function', name);
  }
});

test('a coordinator writes a plan offline: a draft with its goals, a task owned by a member', async () => {
  await aNetwork('coordinator', { staff: true });
  const { id, version } = await aDraft();
  const v = await store.getRow('plan_version', version);
  assert.equal(v.status, 'draft');
  assert.equal(v.sections.goals, 'Ocenianie kształtujące');
  const key = uuid();
  await write('plan_task.create', { id: key, version_id: version, title: 'Lekcja otwarta', owner_id: OTHER, due_on: '2027-03-12' });
  const task = await store.getRow('plan_task', `${key}:1`);
  assert.equal(task.owner_name, 'Anna Nowak');
  assert.equal(task.status, 'todo');
  assert.ok(task.pending);
  await assert.rejects(write('plan_task.create', { id: uuid(), version_id: version, title: 'X', owner_id: STRANGER }),
    (/** @type {any} */ err) => err.code === 'invalid' && err.fields.owner_id === 'not_member');
  await assert.rejects(write('plan.create', { id: uuid(), network_id: NETWORK, school_year: 2026 }), refusal('conflict'));
  assert.deepEqual(await outboxNames(), ['plan.create', 'plan.update', 'plan_task.create']);
  await write('plan.submit', { version_id: version });
  assert.equal((await store.getRow('plan', id)).status, 'submitted');
  await assert.rejects(write('plan.update', { version_id: version, sections: { goals: 'Inne' } }), refusal('not_draft'));
  // She is staff and an admin named her an approver: still not for her own network's plan.
  await serverHas([{ type: 'plan_approver', id: ME, user_id: ME, allowed: true }], 'staff');
  await assert.rejects(write('plan.approve', { version_id: version }), refusal('forbidden'));
});

test('a member does not write the plan; the rules check its arguments', async () => {
  await aNetwork('member');
  await assert.rejects(write('plan.create', { id: uuid(), network_id: NETWORK, school_year: 2026 }), refusal('forbidden'));
  await assert.rejects(write('plan.create', { id: uuid(), network_id: NETWORK, school_year: 1999 }),
    (/** @type {any} */ err) => err.code === 'invalid' && err.fields.school_year === 'range');
});

test('returned, amended as version 2 with its tasks; approved; its owner ticks her task done', async () => {
  await aNetwork(null, { staff: true, admin: true }); // an admin outside the network writes and approves
  const plan = uuid();
  const v1 = `${plan}:1`;
  await serverHas([
    { type: 'plan', id: plan, network_id: NETWORK, school_year: 2026, version: 1, status: 'submitted', approved_version: null },
    { type: 'plan_version', id: v1, plan_id: plan, network_id: NETWORK, number: 1, status: 'submitted',
      sections: { goals: 'Cele', outcomes: '', evaluation: '' }, topics: [], submitted_by: OTHER, comment: null },
    { type: 'plan_task', id: `${K1}:1`, key: K1, version_id: v1, plan_id: plan, network_id: NETWORK, position: 0,
      title: 'Lekcja otwarta', owner_id: OTHER, owner_name: 'Anna Nowak', due_on: null, status: 'doing', comment: '' },
  ]);
  await assert.rejects(write('plan.return', { version_id: v1, comment: ' ' }),
    (/** @type {any} */ err) => err.code === 'invalid' && err.fields.comment === 'required');
  await write('plan.return', { version_id: v1, comment: 'Dopisz ewaluację.' });
  assert.equal((await store.getRow('plan_version', v1)).status, 'returned');
  await write('plan.amend', { version_id: v1 });
  const v2 = await store.getRow('plan_version', `${plan}:2`);
  assert.equal(v2.status, 'draft');
  assert.equal((await store.getRow('plan_task', `${K1}:2`)).status, 'doing'); // copied with its progress
  await assert.rejects(write('plan.amend', { version_id: v1 }), refusal('not_latest'));
  await write('plan.submit', { version_id: v2.id });
  await assert.rejects(write('plan.approve', { version_id: v2.id }), refusal('forbidden')); // she sent it herself
  await assert.rejects(write('plan_task.progress', { id: `${K1}:1`, status: 'done' }), refusal('superseded'));
});

test("an approved plan's task is ticked by its owner, not by another member", async () => {
  await aNetwork('member');
  const plan = uuid();
  await serverHas([
    { type: 'plan', id: plan, network_id: NETWORK, school_year: 2026, version: 1, status: 'approved', approved_version: 1 },
    { type: 'plan_version', id: `${plan}:1`, plan_id: plan, network_id: NETWORK, number: 1, status: 'approved',
      sections: { goals: 'Cele' }, topics: [] },
    { type: 'plan_task', id: `${MINE}:1`, key: MINE, version_id: `${plan}:1`, plan_id: plan, network_id: NETWORK, position: 0,
      title: 'Moje', owner_id: ME, status: 'todo', comment: '' },
    { type: 'plan_task', id: `${HERS}:1`, key: HERS, version_id: `${plan}:1`, plan_id: plan, network_id: NETWORK, position: 1,
      title: 'Jej', owner_id: OTHER, status: 'todo', comment: '' },
  ]);
  await write('plan_task.progress', { id: `${MINE}:1`, status: 'done', comment: 'Odbyła się.' });
  const mine = await store.getRow('plan_task', `${MINE}:1`);
  assert.equal(mine.status, 'done');
  assert.equal(mine.comment, 'Odbyła się.');
  await assert.rejects(write('plan_task.progress', { id: `${HERS}:1`, status: 'done' }), refusal('forbidden'));
  await assert.rejects(write('plan_task.update', { id: `${MINE}:1`, title: 'Inne' }), refusal('forbidden'));
});

test("the year's conclusions: written offline in the approved plan and the draft amending it, by the coordinator only", async () => {
  const plan = uuid();
  const [v1, v2] = [`${plan}:1`, `${plan}:2`];
  const version = { plan_id: plan, network_id: NETWORK, topics: [], submitted_by: ME, comment: null };
  const rows = [
    { type: 'plan', id: plan, network_id: NETWORK, school_year: 2026, version: 2, status: 'draft', approved_version: 1 },
    { type: 'plan_version', id: v1, number: 1, status: 'approved', sections: { goals: 'Cele' }, ...version },
    { type: 'plan_version', id: v2, number: 2, status: 'draft', sections: { goals: 'Cele, zmienione' }, ...version },
  ];
  await aNetwork('coordinator');
  await serverHas(rows);
  await write('plan.conclude', { version_id: v1, conclusions: '  Sieć wypracowała zbiór ćwiczeń.  ' });
  for (const id of [v1, v2]) assert.equal((await store.getRow('plan_version', id)).sections.conclusions, 'Sieć wypracowała zbiór ćwiczeń.');
  assert.equal((await store.getRow('plan_version', v1)).status, 'approved'); // no new approval
  assert.equal((await store.getRow('plan_version', v2)).sections.goals, 'Cele, zmienione');
  assert.deepEqual(await outboxNames(), ['plan.conclude']);
  await freshDevice();
  await aNetwork('member');
  await serverHas(rows);
  await assert.rejects(write('plan.conclude', { version_id: v1, conclusions: 'Nie moje.' }), refusal('forbidden'));
});
