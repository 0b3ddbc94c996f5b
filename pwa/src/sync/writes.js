/**
 * The user's writes. Each is one named mutation: the local mutator and the
 * outbox entry go into the store together, then the engine is asked to push.
 * There is no other write path, online or not.
 */
import * as store from '../store/index.js';
import { mutators } from './mutators.js';
import { uuid } from './uuid.js';

/** @type {() => void} */
let afterWrite = () => {};

/** @param {() => void} fn called after each local write (the engine pushes) */
export function onWrite(fn) {
  afterWrite = fn;
}

/**
 * The store runs the local mutator `name` on its own rows and keeps the outbox
 * entry, in one transaction; a refusal (MutationError with `fields`) reaches
 * the caller and nothing is written.
 * @param {string} name @param {object} args
 * @param {import('../store/files.js').Attached[]} [files] attachments that land with it
 */
export async function mutate(name, args, files) {
  await store.runLocalMutation(name, args, mutators, uuid, files);
  afterWrite();
}
