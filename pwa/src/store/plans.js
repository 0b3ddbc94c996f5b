/**
 * Reads for the plan's screens: a network's plans (one per school year), one
 * plan with every version and each version's tasks, and for the Poradnia's
 * approvers the plans of every network waiting for approval.
 */
import { db } from './db.js';
import { rows, time } from './plain.js';

/**
 * A network's plans, newest school year first.
 * @param {string} networkId
 */
export async function plansOf(networkId) {
  const list = rows(await (await db()).getAllFromIndex('plans', 'network_id', networkId));
  return list.sort((a, b) => b.school_year - a.school_year);
}

/**
 * One plan: its versions (latest first) and the tasks of each, in their order.
 * @param {string} planId
 */
export async function planBundle(planId) {
  const tx = (await db()).transaction(['plans', 'plan_versions', 'plan_tasks']);
  const plan = rows([await tx.objectStore('plans').get(planId)].filter(Boolean))[0] || null;
  const versions = rows(await tx.objectStore('plan_versions').index('plan_id').getAll(planId))
    .sort((a, b) => b.number - a.number);
  const tasks = await Promise.all(versions.map(async (v) =>
    rows(await tx.objectStore('plan_tasks').index('version_id').getAll(v.id))
      .sort((a, b) => a.position - b.position || time(a.edited_at) - time(b.edited_at))));
  await tx.done;
  /** @type {Record<string, Record<string, any>[]>} */
  const tasksOf = Object.fromEntries(versions.map((v, i) => [v.id, tasks[i]]));
  return { plan, versions, tasksOf };
}

/** Plans of every network waiting for approval, the longest waiting first, with their networks' names. */
export async function plansWaiting() {
  const d = await db();
  const waiting = rows(await d.getAll('plans')).filter((p) => p.status === 'submitted');
  const found = await Promise.all(waiting.map(async (p) => {
    const [network, version] = await Promise.all([d.get('networks', p.network_id), d.get('plan_versions', `${p.id}:${p.version}`)]);
    return /** @type {Record<string, any>} */ ({ ...p, network_name: network?.name || '',
      submitted_at: version?.submitted_at || null, submitted_by: version?.submitted_by || null });
  }));
  return found.sort((a, b) => time(a.submitted_at) - time(b.submitted_at));
}

/** Who may approve plans besides the administrators: user id → allowed. */
export async function planApprovers() {
  const list = rows(await (await db()).getAll('plan_approvers'));
  return Object.fromEntries(list.map((a) => [a.id, a.allowed === true]));
}
