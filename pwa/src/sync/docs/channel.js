/**
 * The live channel as the documents' providers see it: one socket that stays put. The engine's
 * channel (sync/socket.js) makes a new Socket.IO socket after signing in again or going
 * offline and back, and none at all before it first opens; this follows whichever it holds,
 * moves the providers' listeners onto it, and tells them "connect" and "disconnect" as a
 * socket comes and goes. Loaded with the editor, not in the first load.
 */
import { engine } from '../index.js';

/** @typedef {import('socket.io-client').Socket} Socket */

class FollowingSocket {
  constructor() {
    /** @type {Array<[string, (...args: any[]) => void]>} */
    this.handlers = [];
    /** @type {Socket | null} */
    this.socket = null;
    engine.subscribe(() => this.follow());
    this.follow();
  }

  get connected() {
    return !!this.socket?.connected;
  }

  follow() {
    const now = /** @type {Socket | null} */ (engine.live.socket);
    if (now === this.socket) return;
    const before = this.socket;
    for (const [event, fn] of this.handlers) before?.off(event, fn);
    this.socket = now;
    for (const [event, fn] of this.handlers) now?.on(event, fn);
    // The old socket's listeners were dropped with it: its going is told here, as is a new
    // one that connected before it was followed.
    if (before?.connected !== undefined) this.fire('disconnect');
    if (now?.connected) this.fire('connect');
  }

  /** @param {string} event */
  fire(event) {
    for (const [e, fn] of [...this.handlers]) if (e === event) fn();
  }

  /** @param {string} event @param {(...args: any[]) => void} fn */
  on(event, fn) {
    this.handlers.push([event, fn]);
    this.socket?.on(event, fn);
    return this;
  }

  /** @param {string} event @param {(...args: any[]) => void} fn */
  off(event, fn) {
    this.handlers = this.handlers.filter(([e, f]) => e !== event || f !== fn);
    this.socket?.off(event, fn);
    return this;
  }

  /** @param {string} event @param {...any} args */
  emit(event, ...args) {
    if (this.socket) this.socket.emit(event, ...args);
    return this;
  }

  /** @param {number} ms */
  timeout(ms) {
    const socket = this.socket;
    if (socket) return socket.timeout(ms);
    return {
      /** @param {string} _event @param {...any} args */
      emit: (_event, ...args) => {
        const ack = args[args.length - 1];
        if (typeof ack === 'function') queueMicrotask(() => ack(new Error('offline')));
      },
    };
  }
}

/** @type {FollowingSocket | null} */
let shared = null;

/** The one socket every open document uses. */
export const docSocket = () => (shared ||= new FollowingSocket());
