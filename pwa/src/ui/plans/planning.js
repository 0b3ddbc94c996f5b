/**
 * Small pieces of the plan's screens, which all import it (so it adds their words): the school
 * year's label and range, the words of a refused write, and who may do what (the server decides; these
 * only keep away buttons that would surely be refused).
 */
import { MutationError } from '../../sync/index.js';
import { addWords, t } from '../i18n.js';
import { planWords } from './planWords.js';

addWords(planWords); // the plan's screens all import this module

/** "2026/2027" @param {number} start */
export const yearLabel = (start) => `${start}/${start + 1}`;

/** The start of a network's school year ("2026/2027" → 2026), else the one running now. @param {Record<string, any> | null} network */
export function yearOf(network) {
  const given = Number(String(network?.school_year || '').split('/')[0]);
  if (given) return given;
  const now = new Date();
  return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
}

/** From 1 September to 1 September, Warsaw's midnight (22:00 UTC the day before, in summer). @param {number} start */
export const yearRange = (start) => [Date.UTC(start, 7, 31, 22), Date.UTC(start + 1, 7, 31, 22)];

/** @param {unknown} err */
export function refusedText(err) {
  if (err instanceof MutationError) {
    const key = `plans.refused.${err.code}`;
    const words = t(key);
    return words === key ? t('plans.refused.invalid') : words;
  }
  return t('write.failed', { message: String(err) });
}

/**
 * What she may do with the network's plan.
 * @param {Record<string, any> | null} user @param {Record<string, any> | null} membership
 * @param {Record<string, boolean>} approvers @param {Record<string, any> | null} network
 */
export function planRights(user, membership, approvers, network) {
  const active = membership?.status === 'active';
  const admin = !!(user?.is_staff && user?.is_admin);
  const coordinator = active && membership?.role === 'coordinator';
  const open = network?.status !== 'archived';
  return {
    manage: open && (admin || coordinator),
    approve: open && !!user?.is_staff && (admin || approvers[user.id] === true) && !coordinator,
    coordinatesIt: coordinator,
    mayApproveElsewhere: !!user?.is_staff && (admin || approvers[user?.id] === true),
    open,
  };
}
