/**
 * Local versions of the plans' mutators (server/plans/): a network's plan for
 * a school year written as a draft, sent, approved or returned with a comment,
 * amended as a new version; its tasks added in a draft and ticked (status,
 * notes) by the coordinator or the task's owner at any time, approved or not;
 * the year's conclusions written by the coordinator at any state.
 * The same refusals as the server's, so a form shows them offline too.
 */
import { actor, isActive, membershipOf, MutationError, requireManager, trimmed } from '../mutation-kit.js';
import { PLAN_LIMITS } from '../rules.js';

/** @typedef {import('../mutation-kit.js').RowTx} RowTx */

export const SECTIONS = /** @type {const} */ (['goals', 'outcomes', 'evaluation']);
/**
 * The latest version or the approved one: a task's progress follows its key through them; older
 * versions (returned, replaced) stay as they were.
 * @param {Record<string, any>} plan @param {Record<string, any>} v
 */
export const inForce = (plan, v) => v.number === plan.version || v.status === 'approved';
const OWNERS = ['coordinator', 'member'];

/** "<plan_id>:<number>" @param {string} planId @param {number} n */
export const versionId = (planId, n) => `${planId}:${n}`;
/** "<key>:<version number>" @param {string} key @param {number} n */
export const taskId = (key, n) => `${key}:${n}`;

/** @param {RowTx} rows @param {string} id */
async function versionOf(rows, id) {
  const v = await rows.get('plan_version', id);
  if (!v) throw new MutationError('not_found');
  const plan = await rows.get('plan', v.plan_id);
  return { v, plan: /** @type {Record<string, any>} */ (plan) };
}

/** @param {Record<string, any>} v */
function mustBeDraft(v) {
  if (v.status !== 'draft') throw new MutationError('not_draft');
}

/**
 * Approves plans: an administrator, or staff given the right — never a
 * coordinator of the network, nor whoever sent it.
 * @param {RowTx} rows @param {Record<string, any>} v @param {string} at
 */
async function requireApprover(rows, v, at) {
  const network = await rows.get('network', v.network_id);
  if (network?.status === 'archived') throw new MutationError('archived');
  const me = await rows.get('user', actor());
  const granted = await rows.get('plan_approver', actor());
  if (!me?.is_staff || !(me.is_admin || granted?.allowed)) throw new MutationError('forbidden');
  const m = await membershipOf(rows, v.network_id, actor());
  if ((isActive(m, at) && m?.role === 'coordinator') || v.submitted_by === actor()) throw new MutationError('forbidden');
}

/** @param {RowTx} rows @param {string} networkId @param {string | null | undefined} ownerId @param {string} at */
async function ownerInNetwork(rows, networkId, ownerId, at) {
  if (!ownerId) return;
  const m = await membershipOf(rows, networkId, ownerId);
  if (!isActive(m, at) || !OWNERS.includes(m?.role)) throw new MutationError('invalid', { owner_id: 'not_member' });
}

/** A name shown with the row, as the server adds it. @param {RowTx} rows @param {string | null | undefined} id */
const nameOf = async (rows, id) => (id ? (await rows.get('user', id))?.name || '' : '');

/** @param {RowTx} rows @param {string} networkId @param {any[]} topics */
async function cleanTopics(rows, networkId, topics) {
  /** @type {Record<string, string>} */
  const errors = {};
  const kept = [];
  for (const [i, t] of topics.entries()) {
    const surveyId = t.survey_id || null;
    const questionId = surveyId ? t.question_id || null : null;
    if (t.question_id && !surveyId) errors[`topics.${i}.question_id`] = 'survey_first';
    if (surveyId) {
      const s = await rows.get('survey', surveyId);
      if (!s || s.network_id !== networkId) errors[`topics.${i}.survey_id`] = 'other_network';
      else if (questionId && !(s.questions || []).some((/** @type {any} */ q) => q.id === questionId)) {
        errors[`topics.${i}.question_id`] = 'no_question';
      }
    }
    kept.push({ id: t.id, title: trimmed(t.title), description: trimmed(t.description || ''), survey_id: surveyId,
      question_id: questionId });
  }
  if (Object.keys(errors).length) throw new MutationError('invalid', errors);
  return kept;
}

/** @type {import('../mutation-kit.js').MutatorTable} */
export const planMutators = {
  async 'plan.create'(rows, args, { at }) {
    await requireManager(rows, args.network_id, at);
    if (await rows.get('plan', args.id)) throw new MutationError('conflict');
    const held = await rows.byIndex('plan', 'network_id', args.network_id);
    if (held.some((p) => p.school_year === args.school_year)) throw new MutationError('conflict', { school_year: 'taken' });
    await rows.put('plan', { id: args.id, network_id: args.network_id, school_year: args.school_year, version: 1,
      status: 'draft', approved_version: null, created_by: actor(), created_at: at });
    await rows.put('plan_version', { id: versionId(args.id, 1), plan_id: args.id, network_id: args.network_id, number: 1,
      status: 'draft', sections: { goals: '', outcomes: '', evaluation: '' }, topics: [], created_by: actor(),
      created_at: at, edited_at: null, submitted_by: null, submitted_by_name: '', submitted_at: null, decided_by: null,
      decided_by_name: '', decided_at: null, comment: null });
  },

  async 'plan.update'(rows, args, { at }) {
    const { v } = await versionOf(rows, args.version_id);
    await requireManager(rows, v.network_id, at);
    mustBeDraft(v);
    /** @type {{id: string} & Record<string, any>} */
    const change = { id: v.id, edited_at: at };
    if (args.sections) {
      /** @type {Record<string, string>} */
      const given = {};
      for (const key of SECTIONS) if (key in args.sections) given[key] = String(trimmed(args.sections[key]) ?? '');
      change.sections = { ...v.sections, ...given };
    }
    if (args.topics) change.topics = await cleanTopics(rows, v.network_id, args.topics);
    await rows.put('plan_version', change);
  },

  async 'plan.submit'(rows, args, { at }) {
    const { v, plan } = await versionOf(rows, args.version_id);
    await requireManager(rows, v.network_id, at);
    if (v.status === 'submitted') return;
    mustBeDraft(v);
    if (!(v.sections?.goals || '').trim()) throw new MutationError('invalid', { 'sections.goals': 'no_goals' });
    await rows.put('plan_version', { id: v.id, status: 'submitted', submitted_by: actor(),
      submitted_by_name: await nameOf(rows, actor()), submitted_at: at });
    await rows.put('plan', { id: plan.id, status: 'submitted' });
  },

  async 'plan.approve'(rows, args, { at }) {
    const { v, plan } = await versionOf(rows, args.version_id);
    await requireApprover(rows, v, at);
    if (v.status !== 'submitted') throw new MutationError('not_submitted');
    if (plan.approved_version && plan.approved_version !== v.number) {
      await rows.put('plan_version', { id: versionId(plan.id, plan.approved_version), status: 'superseded' });
    }
    await rows.put('plan_version', { id: v.id, status: 'approved', decided_by: actor(),
      decided_by_name: await nameOf(rows, actor()), decided_at: at, comment: trimmed(args.comment) || null });
    await rows.put('plan', { id: plan.id, status: 'approved', approved_version: v.number });
  },

  async 'plan.return'(rows, args, { at }) {
    const { v, plan } = await versionOf(rows, args.version_id);
    await requireApprover(rows, v, at);
    if (v.status !== 'submitted') throw new MutationError('not_submitted');
    await rows.put('plan_version', { id: v.id, status: 'returned', decided_by: actor(),
      decided_by_name: await nameOf(rows, actor()), decided_at: at, comment: trimmed(args.comment) });
    await rows.put('plan', { id: plan.id, status: 'returned' });
  },

  async 'plan.amend'(rows, args, { at }) {
    const { v, plan } = await versionOf(rows, args.version_id);
    await requireManager(rows, v.network_id, at);
    if (v.number !== plan.version) throw new MutationError('not_latest');
    if (v.status !== 'approved' && v.status !== 'returned') throw new MutationError('not_decided');
    const n = v.number + 1;
    const id = versionId(plan.id, n);
    await rows.put('plan_version', { id, plan_id: plan.id, network_id: plan.network_id, number: n, status: 'draft',
      sections: { ...v.sections }, topics: (v.topics || []).map((/** @type {any} */ t) => ({ ...t })),
      created_by: actor(), created_at: at, edited_at: null, submitted_by: null, submitted_by_name: '', submitted_at: null,
      decided_by: null, decided_by_name: '', decided_at: null, comment: null });
    await rows.put('plan', { id: plan.id, version: n, status: 'draft' });
    for (const t of await rows.byIndex('plan_task', 'version_id', v.id)) {
      const { pending: _, ...task } = t;
      await rows.put('plan_task', { ...task, id: taskId(t.key, n), version_id: id });
    }
  },

  async 'plan.conclude'(rows, args, { at }) {
    const { v, plan } = await versionOf(rows, args.version_id);
    await requireManager(rows, v.network_id, at);
    if (!inForce(plan, v)) throw new MutationError('superseded');
    const conclusions = String(trimmed(args.conclusions) ?? '');
    for (const its of await rows.byIndex('plan_version', 'plan_id', plan.id)) {
      if (inForce(plan, its)) await rows.put('plan_version', { id: its.id, sections: { ...its.sections, conclusions }, edited_at: at });
    }
  },

  async 'plan_task.create'(rows, args, { at }) {
    const { v } = await versionOf(rows, args.version_id);
    await requireManager(rows, v.network_id, at);
    mustBeDraft(v);
    const id = taskId(args.id, v.number);
    if (await rows.get('plan_task', id)) throw new MutationError('conflict');
    await ownerInNetwork(rows, v.network_id, args.owner_id, at);
    const count = (await rows.byIndex('plan_task', 'version_id', v.id)).length;
    if (count >= PLAN_LIMITS.tasks_max) throw new MutationError('invalid', { title: 'too_many_tasks' });
    await rows.put('plan_task', { id, key: args.id, version_id: v.id, plan_id: v.plan_id, network_id: v.network_id,
      position: count, title: trimmed(args.title), owner_id: args.owner_id || null,
      owner_name: await nameOf(rows, args.owner_id), due_on: args.due_on || null,
      status: 'todo', comment: '', edited_at: at });
  },

  async 'plan_task.update'(rows, args, { at }) {
    const t = await rows.get('plan_task', args.id);
    if (!t) throw new MutationError('not_found');
    const { v } = await versionOf(rows, t.version_id);
    await requireManager(rows, t.network_id, at);
    mustBeDraft(v);
    if ('owner_id' in args) await ownerInNetwork(rows, t.network_id, args.owner_id, at);
    /** @type {{id: string} & Record<string, any>} */
    const change = { id: t.id, edited_at: at };
    if ('title' in args) change.title = trimmed(args.title);
    if ('owner_id' in args) Object.assign(change, { owner_id: args.owner_id || null, owner_name: await nameOf(rows, args.owner_id) });
    if ('due_on' in args) change.due_on = args.due_on || null;
    await rows.put('plan_task', change);
  },

  async 'plan_task.remove'(rows, args, { at }) {
    const t = await rows.get('plan_task', args.id);
    if (!t) throw new MutationError('not_found');
    const { v } = await versionOf(rows, t.version_id);
    await requireManager(rows, t.network_id, at);
    mustBeDraft(v);
    await rows.remove('plan_task', t.id);
  },

  async 'plan_task.progress'(rows, args, { at }) {
    const t = await rows.get('plan_task', args.id);
    if (!t) throw new MutationError('not_found');
    const { v, plan } = await versionOf(rows, t.version_id);
    const network = await rows.get('network', t.network_id);
    if (network?.status === 'archived') throw new MutationError('archived');
    const me = await rows.get('user', actor());
    const m = await membershipOf(rows, t.network_id, actor());
    const manager = (me?.is_staff && me?.is_admin) || (isActive(m, at) && m?.role === 'coordinator');
    if (!manager && !(t.owner_id === actor() && isActive(m, at))) throw new MutationError('forbidden');
    if (!inForce(plan, v)) throw new MutationError('superseded');
    /** @type {Record<string, any>} */
    const change = { edited_at: at };
    if ('status' in args) change.status = args.status;
    if ('comment' in args) change.comment = trimmed(args.comment);
    for (const same of await rows.byIndex('plan_task', 'key', t.key)) {
      const its = await rows.get('plan_version', same.version_id);
      if (its && its.plan_id === plan.id && inForce(plan, its)) await rows.put('plan_task', { id: same.id, ...change });
    }
  },

  async 'plan_approver.set'(rows, args) {
    const me = await rows.get('user', actor());
    if (!(me?.is_staff && me?.is_admin)) throw new MutationError('forbidden');
    const user = await rows.get('user', args.user_id);
    if (user && args.allowed && !user.is_staff) throw new MutationError('invalid', { user_id: 'not_staff' });
    const held = await rows.get('plan_approver', args.user_id);
    if (!held && !args.allowed) return;
    await rows.put('plan_approver', { id: args.user_id, user_id: args.user_id, allowed: args.allowed === true,
      granted_by: actor() });
  },
};
