/**
 * Who is signed in. `me` is kept in the store so the app opens offline; the
 * server is asked (GET /api/me) whenever we are online, which also gives the
 * CSRF token every write needs.
 */
import * as store from '../store/index.js';
import { request, setCsrfToken, ApiError, NetworkError } from './api.js';
import { setActor } from './mutation-kit.js';
import { mutate } from './writes.js';

/** Set when signing out could not reach the server: finish it on the next visit. */
const LOGOUT_PENDING = 'krag.logout-pending';
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('krag-session') : null;

/**
 * @typedef {import('../store/meta.js').Me} Me
 * @typedef {{status: 'loading'|'signed-in'|'signed-out', me: Me|null, expired: boolean}} Session
 * @typedef {{file_max_bytes?: number}} Limits what this server takes (GET /api/me)
 */

/** @type {Session} */
let session = { status: 'loading', me: null, expired: false };
/** @type {Set<(s: Session) => void>} */
const listeners = new Set();
let confirmed = false;
/** @type {Limits} */
let limits = {};
/** Which of her sessions (`session` rows, her devices) this device holds: /api/me's session_id. */
let sessionId = '';

/** The public id of this device's session ('' until the server said it). */
export const currentSessionId = () => sessionId;

/** The largest file this server takes, in bytes, as it last said (null: not told yet). */
export const fileMaxBytes = () => limits.file_max_bytes ?? null;

/** @param {(s: Session) => void} fn */
export function onSession(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export const currentSession = () => session;

/** @param {Partial<Session>} patch */
function set(patch) {
  session = { ...session, ...patch };
  setActor(session.me?.id || '');
  for (const fn of [...listeners]) fn(session);
}

/** At start: the person who was signed in on this device, known offline. */
export async function loadSession() {
  if (localStorage.getItem(LOGOUT_PENDING)) return set({ status: 'signed-out', me: null });
  const me = await store.getMeta('me');
  limits = (await store.getMeta('limits')) || {};
  sessionId = (await store.getMeta('session_id')) || '';
  setCsrfToken((await store.getMeta('csrf_token')) || '');
  set(me ? { status: 'signed-in', me } : { status: 'signed-out', me: null });
}

/** @type {Promise<boolean> | null} */
let confirming = null;

/**
 * Asks the server who we are. Returns true when signed in.
 * Offline it keeps what we knew and returns true if someone is signed in.
 * Calls at the same time share one request (a second one must not wipe the
 * data the first just started to keep).
 */
export function confirmSession() {
  if (confirmed) return Promise.resolve(true);
  if (!confirming) confirming = askServer().finally(() => (confirming = null));
  return confirming;
}

async function askServer() {
  try {
    if (localStorage.getItem(LOGOUT_PENDING)) await finishLogout();
    await adopt(await request('GET', '/api/me'));
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      if (err.body?.csrf_token) setCsrfToken(err.body.csrf_token);
      markSignedOut();
      return false;
    }
    if (err instanceof NetworkError) {
      if (session.status === 'loading') set({ status: 'signed-out', me: null });
      return session.status === 'signed-in';
    }
    throw err;
  }
}

/**
 * The server's answer about who we are (GET /api/me, or signing in with a link).
 * @param {{user: Me, csrf_token: string, limits?: Limits, session_id?: string}} answer
 */
async function adopt(answer) {
  setCsrfToken(answer.csrf_token);
  const known = await store.getMeta('me');
  if (known && known.id !== answer.user.id) {
    await store.deleteDatabase(); // someone else's data: not for this person
    channel?.postMessage('changed-user');
  }
  await store.setMeta('me', answer.user);
  await store.setMeta('csrf_token', answer.csrf_token);
  limits = answer.limits || {};
  await store.setMeta('limits', limits);
  sessionId = answer.session_id || '';
  await store.setMeta('session_id', sessionId);
  confirmed = true;
  const wasSignedIn = session.status === 'signed-in';
  set({ status: 'signed-in', me: answer.user, expired: false });
  if (!wasSignedIn) channel?.postMessage('signed-in'); // a tab still on the sign-in screen follows
  // Her first sign-in on this device, which speaks English (she chose it before signing in):
  // her letters follow. (Later, switching the language sends it: Header, ProfileSettings.)
  const appLang = document.documentElement.lang;
  if ((!known || known.id !== answer.user.id) && appLang === 'en' && answer.user.lang !== appLang) {
    mutate('profile.update', { lang: appLang }).catch(() => {}); // never in the way of signing in
  }
}

/**
 * The button on the screen an e-mailed sign-in link opens: the link itself
 * (GET /auth/link/<token>) changes nothing, this POST signs in.
 * ApiError 410 `link_invalid` when the link is used or expired.
 * @param {string} token
 */
export async function signInWithLink(token) {
  await adopt(await request('POST', '/api/auth/link', { token }));
}

/** A 403 from a write: fetch a fresh CSRF token before the next try. */
export function sessionStale() {
  confirmed = false;
}

/** The server no longer knows us (cookie expired). Data stays until she signs in. */
export function markSignedOut() {
  confirmed = false;
  const expired = session.status === 'signed-in';
  set({ status: 'signed-out', me: null, expired: expired || session.expired });
}

/** Asks for a sign-in link by e-mail. @param {string} email */
export async function requestSignInLink(email) {
  if (!confirmed) await confirmSession().catch(() => false); // for the CSRF token
  await request('POST', '/api/auth/email-link', { email });
}

async function finishLogout() {
  try {
    const me = await request('GET', '/api/me');
    setCsrfToken(me.csrf_token);
    await request('POST', '/api/auth/logout');
  } catch (err) {
    if (err instanceof NetworkError) throw err;
  }
  localStorage.removeItem(LOGOUT_PENDING);
}

/**
 * Signs out and wipes this device's copy: another person may use the phone next.
 * Offline, the server is told on the next visit.
 */
export async function signOut() {
  try {
    await request('POST', '/api/auth/logout');
  } catch (err) {
    if (err instanceof NetworkError) localStorage.setItem(LOGOUT_PENDING, '1');
    else if (err instanceof ApiError && err.status === 403) {
      // A stale CSRF token must not leave the session alive on the server.
      await finishLogout().catch(() => localStorage.setItem(LOGOUT_PENDING, '1'));
    }
  }
  confirmed = false;
  setCsrfToken('');
  // The co-edited documents too (kept apart, store/docnames.js: fetched now, not in the first load).
  await Promise.all([store.deleteDatabase(), import('../store/docnames.js').then((m) => m.forgetDocs()).catch(() => {})]);
  channel?.postMessage('signed-out');
  set({ status: 'signed-out', me: null, expired: false });
}

/**
 * Another tab signed out or changed user: this one starts over (fn).
 * Another tab signed in (the e-mailed link opened in the browser): this one asks too.
 * @param {() => void} fn
 */
export function onSessionEndedElsewhere(fn) {
  if (channel) {
    channel.onmessage = (e) => {
      if (e.data === 'signed-in') {
        if (session.status !== 'signed-in') confirmSession().catch(() => {});
      } else fn();
    };
  }
  store.onDatabaseDeleted(fn);
}
