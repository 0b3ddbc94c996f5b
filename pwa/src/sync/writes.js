/**
 * The user's writes. Each is one named mutation: the local mutator and the
 * outbox entry go into the store together, then the engine is asked to push.
 * There is no other write path, online or not.
 */
import * as store from '../store/index.js';
import { storeMutators } from './mutators.js';
import { uuid } from './uuid.js';

/** @type {() => void} */
let afterWrite = () => {};

/** @param {() => void} fn called after each local write (the engine pushes) */
export function onWrite(fn) {
  afterWrite = fn;
}

/** @param {string} name @param {object} args */
async function mutate(name, args) {
  await store.runLocalMutation(name, args, storeMutators[name], uuid);
  afterWrite();
}

/**
 * @param {{networkId: string, title: string, body: string}} input
 * @returns {Promise<string>} the new thread's id
 */
export async function createThread({ networkId, title, body }) {
  const id = uuid();
  await mutate('thread.create', { id, network_id: networkId, title, body, post_id: uuid() });
  return id;
}

/** @param {string} threadId @param {string} body */
export async function reply(threadId, body) {
  const id = uuid();
  await mutate('post.create', { id, thread_id: threadId, body });
  return id;
}

/** @param {string} postId @param {string} body */
export async function editPost(postId, body) {
  await mutate('post.update', { id: postId, body });
}

/** Join an open network, or ask to join a closed one. @param {string} networkId */
export async function joinNetwork(networkId) {
  await mutate('membership.join', { network_id: networkId });
}

/** @param {string} networkId */
export async function leaveNetwork(networkId) {
  await mutate('membership.leave', { network_id: networkId });
}

/** @param {string} postId */
export async function deletePost(postId) {
  await mutate('post.delete', { id: postId });
}
