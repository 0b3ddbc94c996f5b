/**
 * The sync engine: decides when to push and pull, one at a time.
 * Pull: on poke, on start, on reconnect, on focus or visibility, every 60 s.
 * Push: whenever the outbox has something and the browser is online; after a
 * network error or 5xx it retries with backoff.
 */
import { pushOnce, MAX_BATCH } from './push.js';
import { pullAll } from './pull.js';
import { ApiError, NetworkError } from './api.js';
import { LiveChannel } from './socket.js';

const PULL_EVERY_MS = 60_000;
const BACKOFF_MS = [1000, 2000, 5000, 10_000, 20_000, 30_000, 60_000];
const MAX_STEPS_PER_RUN = 50;

/**
 * @typedef {{online: boolean, live: boolean, syncing: boolean, authLost: boolean,
 *   failing: boolean, retryAt: number|null}} SyncState
 */

export class SyncEngine {
  /**
   * @param {{confirmSession: () => Promise<boolean>, sessionStale: () => void,
   *   onAuthLost: () => void}} hooks
   *   confirmSession: make sure we have a live session and CSRF token (false: signed out);
   *   sessionStale: a 403 said our CSRF token is no longer good
   */
  constructor(hooks) {
    this.hooks = hooks;
    /** @type {SyncState} */
    this.state = { online: navigator.onLine, live: false, syncing: false, authLost: false, failing: false, retryAt: null };
    /** @type {Set<(s: SyncState) => void>} */
    this.listeners = new Set();
    this.wantPush = false;
    this.wantPull = false;
    this.running = false;
    this.started = false;
    this.attempt = 0;
    this.pushLimit = MAX_BATCH;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.retryTimer = undefined;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.intervalTimer = undefined;
    this.live = new LiveChannel({
      onPoke: () => this.requestPull(),
      onConnect: () => {
        this.set({ live: true });
        this.syncNow();
      },
      onDisconnect: () => this.set({ live: false }),
    });
    this.onOnline = () => {
      this.set({ online: true });
      this.syncNow();
    };
    this.onOffline = () => this.set({ online: false });
    this.onFocus = () => this.syncNow();
    this.onVisible = () => {
      if (document.visibilityState === 'visible') this.syncNow();
    };
  }

  /** @param {(s: SyncState) => void} fn */
  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** @param {Partial<SyncState>} patch */
  set(patch) {
    this.state = { ...this.state, ...patch };
    for (const fn of [...this.listeners]) fn(this.state);
  }

  start() {
    if (this.started) return;
    this.started = true;
    this.set({ authLost: false });
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    addEventListener('focus', this.onFocus);
    document.addEventListener('visibilitychange', this.onVisible);
    this.intervalTimer = setInterval(() => this.syncNow(), PULL_EVERY_MS);
    if (navigator.onLine) this.live.open();
    this.syncNow();
  }

  stop() {
    this.started = false;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    removeEventListener('focus', this.onFocus);
    document.removeEventListener('visibilitychange', this.onVisible);
    clearInterval(this.intervalTimer);
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.live.close();
    this.set({ live: false, syncing: false, retryAt: null });
  }

  /** Something new waits in the outbox. */
  requestPush() {
    this.wantPush = true;
    this.kick();
  }

  requestPull() {
    this.wantPull = true;
    this.kick();
  }

  /** A fresh reason to talk to the server: skip any backoff wait. */
  syncNow() {
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.set({ retryAt: null });
    this.wantPush = true;
    this.wantPull = true;
    this.kick();
  }

  kick() {
    if (!this.started || this.running || this.retryTimer || !navigator.onLine) return;
    this.run();
  }

  async run() {
    this.running = true;
    this.set({ syncing: true });
    let steps = 0;
    try {
      if (!(await this.hooks.confirmSession())) return;
      while ((this.wantPush || this.wantPull) && this.started && navigator.onLine) {
        if (++steps > MAX_STEPS_PER_RUN) break; // never spin: the next trigger goes on
        if (this.wantPush) {
          this.wantPush = false;
          const r = await pushOnce(this.pushLimit);
          this.pushLimit = MAX_BATCH;
          if (r.sent) {
            this.wantPush = r.again;
            this.wantPull = true; // our own changes come back (and confirm) by pull
          }
        } else {
          this.wantPull = false;
          await pullAll();
          if (!this.live.isOpen()) this.live.open();
        }
        this.attempt = 0;
        this.set({ failing: false, online: true });
      }
    } catch (err) {
      this.fail(err);
    } finally {
      this.running = false;
      this.set({ syncing: false });
    }
  }

  /** @param {unknown} err */
  fail(err) {
    if (err instanceof ApiError && err.status === 401) {
      this.stop();
      this.set({ authLost: true });
      this.hooks.onAuthLost();
      return;
    }
    if (err instanceof ApiError && err.status === 400 && this.pushLimit > 1) {
      this.pushLimit = 1; // find the one mutation the server cannot read
      this.wantPush = true;
      this.retry(0);
      return;
    }
    if (err instanceof ApiError && err.status === 403) this.hooks.sessionStale();
    if (!(err instanceof NetworkError)) console.error('sync failed', err);
    // The network is down, the server is busy or says no for now: wait and try again.
    this.set({ failing: true, online: navigator.onLine && !(err instanceof NetworkError) });
    this.retry(BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)]);
  }

  /** @param {number} ms */
  retry(ms) {
    const jittered = ms ? ms * (0.75 + Math.random() / 2) : 0;
    this.set({ retryAt: Date.now() + jittered });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.set({ retryAt: null });
      this.wantPush = true;
      this.wantPull = true;
      this.kick();
    }, jittered);
  }
}
