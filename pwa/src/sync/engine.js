/**
 * The sync engine: decides when to push and pull, one at a time.
 * Pull: on poke, on start, on reconnect, on focus or visibility, every 60 s.
 * Push: whenever the outbox has something and the browser is online; after a
 * network error or 5xx it retries with backoff.
 * An outbox never sticks: when pushes keep answering 5xx while pulls go
 * through (the server is up, so the batch is at fault), the first mutation
 * goes alone, and one that keeps failing alone is set aside in the rejected
 * list (push.js setAside). A server that is down (pulls fail too) or no
 * connection sets nothing aside.
 */
import { pushOnce, setAside, BatchFailed, MAX_BATCH } from './push.js';
import { pullAll } from './pull.js';
import { ApiError, NetworkError } from './api.js';
import { LiveChannel } from './socket.js';

const PULL_EVERY_MS = 60_000;
const BACKOFF_MS = [1000, 2000, 5000, 10_000, 20_000, 30_000, 60_000];
const MAX_STEPS_PER_RUN = 50;
/** 5xx answers, each followed by a pull that went through, before a batch is split / a lone mutation set aside. */
const BATCH_TRIES = 2;
const LONE_TRIES = 3;

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
    this.want = { push: false, pull: false };
    // Push and pull back off separately: a failing push must not stop pokes from pulling.
    this.backoff = { push: new Backoff(() => this.requestPush()), pull: new Backoff(() => this.requestPull()) };
    this.running = false;
    this.started = false;
    /** @type {Promise<void> | null} */
    this.current = null;
    this.pushLimit = MAX_BATCH;
    /** A push's 5xx not yet judged: was the server up? The next pull tells. @type {BatchFailed | null} */
    this.unjudged = null;
    /** How often in a row the server, up, failed on the batch from `head` (sent alone or not). */
    this.strikes = { clientId: '', head: 0, lone: false, count: 0 };
    this.stepsExhausted = false;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.intervalTimer = undefined;
    this.live = new LiveChannel({
      onPoke: () => {
        this.backoff.pull.reset(); // the server just spoke: it is up
        this.requestPull();
      },
      onConnect: () => {
        this.set({ live: true });
        this.syncNow();
      },
      onDisconnect: (byServer) => {
        this.set({ live: false });
        if (byServer) this.syncNow(); // her session may have ended: the server's 401 tells (fail)
      },
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
    this.backoff.push.reset();
    this.backoff.pull.reset();
    this.pushLimit = MAX_BATCH;
    this.unjudged = null;
    this.strikes.count = 0;
    this.live.close();
    this.set({ live: false, syncing: false, failing: false, retryAt: null });
  }

  /** Something new waits in the outbox. */
  requestPush() {
    this.want.push = true;
    this.kick();
  }

  requestPull() {
    this.want.pull = true;
    this.kick();
  }

  /** A fresh reason to talk to the server (online again, focus, timer): skip backoff waits. */
  syncNow() {
    this.backoff.push.reset();
    this.backoff.pull.reset();
    this.set({ retryAt: null });
    this.want.push = true;
    this.want.pull = true;
    this.kick();
  }

  kick() {
    if (!this.started || this.running || !navigator.onLine) return;
    this.current = this.run();
  }

  /** Resolves when no sync step is under way (after stop(): before wiping the data). */
  async idle() {
    await this.current?.catch(() => {});
  }

  /** @returns {'push'|'pull'|null} what to do next */
  next() {
    if (this.want.push && !this.backoff.push.waiting()) return 'push';
    if (this.want.pull && !this.backoff.pull.waiting()) return 'pull';
    return null;
  }

  async run() {
    this.running = true;
    this.set({ syncing: true });
    try {
      // Two tabs of the app share one outbox: only one of them talks to the server at a time.
      if (navigator.locks) await navigator.locks.request('krag-sync', () => this.loop());
      else await this.loop();
    } finally {
      this.running = false;
      this.set({ syncing: false });
    }
    // A write or a poke that came while we were finishing: do not leave it for the next timer.
    if (this.next()) setTimeout(() => this.kick(), this.stepsExhausted ? 1000 : 0);
  }

  async loop() {
    this.stepsExhausted = false;
    let steps = 0;
    try {
      if (!(await this.hooks.confirmSession())) return;
      /** @type {'push'|'pull'|null} */
      let job;
      while ((job = this.next()) && this.started && navigator.onLine) {
        if (++steps > MAX_STEPS_PER_RUN) {
          this.stepsExhausted = true; // never spin: go on a little later
          break;
        }
        this.want[job] = false;
        try {
          if (job === 'push') await this.pushStep();
          else await this.pullStep();
          this.backoff[job].reset();
          // A step that was on its way when the link dropped still succeeds: the browser says whether we are online now.
          this.set({ failing: false, online: navigator.onLine, retryAt: this.retryAt() });
        } catch (err) {
          if (!this.fail(job, err)) return;
        }
      }
    } catch (err) {
      // Even asking who we are failed: both wait.
      if (this.fail('pull', err)) this.backoff.push.fail();
    }
  }

  async pushStep() {
    const r = await pushOnce(this.pushLimit);
    // While looking for the one mutation that fails, each batch that goes through lets the next be twice as big.
    this.pushLimit = r.sent ? Math.min(this.pushLimit * 2, MAX_BATCH) : MAX_BATCH;
    this.strikes.count = 0;
    if (r.sent) {
      this.want.push = r.again;
      this.want.pull = true; // our own changes come back (and are confirmed) by pull
    }
  }

  async pullStep() {
    await pullAll();
    if (!this.live.isOpen()) this.live.open();
    await this.judgePush();
  }

  /**
   * A pull went through after a push answered 5xx: the server is up, so the
   * batch is at fault. After a few such answers the first mutation goes alone;
   * one that keeps failing alone is set aside and the rest sent.
   */
  async judgePush() {
    const failed = this.unjudged;
    this.unjudged = null;
    if (!failed) return;
    const s = this.strikes;
    const lone = failed.size === 1;
    if (s.clientId !== failed.clientId || s.head !== failed.head || s.lone !== lone) {
      Object.assign(s, { clientId: failed.clientId, head: failed.head, lone, count: 0 });
    }
    s.count += 1;
    if (!lone) {
      // Already looking for it (a batch after a lone success): split again at once.
      if (s.count < BATCH_TRIES && this.pushLimit >= MAX_BATCH) return;
      this.pushLimit = 1;
    } else {
      if (s.count < LONE_TRIES) return;
      await setAside(failed);
      this.pushLimit = MAX_BATCH;
    }
    s.count = 0;
    this.backoff.push.reset();
    this.want.push = true;
  }

  /**
   * Decides what a failure means. Returns false when syncing must stop.
   * @param {'push'|'pull'} job @param {unknown} err
   */
  fail(job, err) {
    if (err instanceof ApiError && err.status === 401) {
      this.stop();
      this.set({ authLost: true });
      this.hooks.onAuthLost();
      return false;
    }
    if (job === 'push' && err instanceof ApiError && [400, 413].includes(err.status) && this.pushLimit > 1) {
      // Find the one mutation the server cannot read; a batch over its size limit goes in smaller ones.
      this.pushLimit = 1;
      this.want.push = true;
      return true;
    }
    if (job === 'push' && err instanceof BatchFailed) {
      this.unjudged = err;
      this.want.pull = true; // does the server answer otherwise?
    } else {
      // No answer, a pull that failed too, or some other refusal: not the batch's fault.
      this.unjudged = null;
      this.strikes.count = 0;
    }
    if (err instanceof ApiError && err.status === 403) this.hooks.sessionStale();
    if (!(err instanceof NetworkError)) console.error(`sync ${job} failed`, err);
    // The network is down, the server is busy or says no for now: wait and try again.
    this.backoff[job].fail();
    this.set({
      failing: true,
      online: navigator.onLine && !(err instanceof NetworkError),
      retryAt: this.retryAt(),
    });
    return true;
  }

  retryAt() {
    const times = [this.backoff.push.until, this.backoff.pull.until].filter(Boolean);
    return times.length ? Math.min(...times) : null;
  }
}

/** Waits longer after each failure (with jitter); a success or a fresh trigger resets it. */
class Backoff {
  /** @param {() => void} retry */
  constructor(retry) {
    this.retry = retry;
    this.attempt = 0;
    this.until = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
  }

  waiting() {
    return this.until > Date.now();
  }

  fail() {
    const base = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)];
    const ms = base * (0.75 + Math.random() / 2);
    this.until = Date.now() + ms;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.until = 0;
      this.retry();
    }, ms);
  }

  reset() {
    this.attempt = 0;
    this.until = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
