/**
 * Her writes about a network's annual work plan (server/plans/): each a named
 * mutation through the outbox, so a plan written offline waits there and goes
 * when the phone is back online.
 */
import { mutate } from '../writes.js';
import { uuid } from '../uuid.js';
import { versionId } from './mutators.js';

/** @param {string} networkId @param {number} schoolYear 2026 for 2026/2027 @returns {Promise<string>} its first version's id */
export async function createPlan(networkId, schoolYear) {
  const id = uuid();
  await mutate('plan.create', { id, network_id: networkId, school_year: schoolYear });
  return versionId(id, 1);
}

/**
 * @typedef {{id: string, title: string, description: string, survey_id: string | null, question_id: string | null}} Topic
 * @param {string} versionId @param {{sections?: Record<string, string>, topics?: Topic[]}} fields
 */
export const updatePlan = (versionId, fields) => mutate('plan.update', { version_id: versionId, ...fields });
/**
 * A topic added at the end of the version's list (a new id for it).
 * @param {{id: string, topics?: Topic[]}} version @param {Omit<Topic, 'id'>} topic
 */
export const addPlanTopic = (version, topic) =>
  updatePlan(version.id, { topics: [...(version.topics || []), { id: uuid(), ...topic }] });

/** @param {string} versionId */
export const submitPlan = (versionId) => mutate('plan.submit', { version_id: versionId });
/** @param {string} versionId @param {string} comment */
export const approvePlan = (versionId, comment) => mutate('plan.approve', { version_id: versionId, comment: comment || null });
/** @param {string} versionId @param {string} comment */
export const returnPlan = (versionId, comment) => mutate('plan.return', { version_id: versionId, comment });
/** @param {string} versionId */
export const amendPlan = (versionId) => mutate('plan.amend', { version_id: versionId });
/**
 * The year's outcomes and conclusions (the annual report's): at any state, no new approval.
 * @param {string} versionId a version in force @param {string} conclusions
 */
export const concludePlan = (versionId, conclusions) => mutate('plan.conclude', { version_id: versionId, conclusions });

/** @param {string} versionId @param {{title: string, owner_id?: string | null, due_on?: string | null}} fields */
export const addPlanTask = (versionId, fields) => mutate('plan_task.create', { id: uuid(), version_id: versionId, ...fields });
/** @param {string} id @param {{title?: string, owner_id?: string | null, due_on?: string | null}} fields */
export const updatePlanTask = (id, fields) => mutate('plan_task.update', { id, ...fields });
/** @param {string} id */
export const removePlanTask = (id) => mutate('plan_task.remove', { id });
/** @param {string} id @param {{status?: 'todo'|'doing'|'done', comment?: string}} fields */
export const setTaskProgress = (id, fields) => mutate('plan_task.progress', { id, ...fields });
/** @param {string} userId @param {boolean} allowed */
export const setPlanApprover = (userId, allowed) => mutate('plan_approver.set', { user_id: userId, allowed });
