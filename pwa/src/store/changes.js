/**
 * "Something in the store changed": the UI re-reads what it shows. Coarse on
 * purpose (one event for every committed write): the data a phone holds is
 * small, and one signal is easy to reason about. Other tabs of the app hear it
 * through a BroadcastChannel.
 */

/** @type {Set<() => void>} */
const listeners = new Set();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('krag-store') : null;

if (channel) channel.onmessage = () => fire();

function fire() {
  for (const fn of [...listeners]) {
    try {
      fn();
    } catch (err) {
      console.error(err);
    }
  }
}

/** Tell this tab and the others that the store changed. */
export function notify() {
  fire();
  if (channel) channel.postMessage('changed');
}

/**
 * @param {() => void} fn
 * @returns {() => void} unsubscribe
 */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
