/**
 * The annual plan's door for its screens, which come in chunks of their own (ui/plans/): its
 * writes and rules, and its local mutators, added to the table when this module loads
 * (mutators.addMutators), so none of it is in the first load.
 */
import { addMutators } from '../mutators.js';
import { planMutators } from './mutators.js';

addMutators(planMutators);

export * from './writes.js';
export { PLAN_LIMITS } from '../rules.js';
export { MutationError } from '../mutation-kit.js';
