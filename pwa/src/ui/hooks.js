/**
 * Hooks that connect screens to the store, the sync engine and the URL.
 */
import { useEffect, useState, useCallback, useRef } from 'preact/hooks';
import * as store from '../store/index.js';
import { engine, onSession, currentSession } from '../sync/index.js';

/**
 * Runs a store query and runs it again whenever the store changes. One run
 * at a time: changes that land while it runs (a sync step's several) bring
 * one more run after it, not one each — a screen of 200 rows on a slow phone
 * reads and draws once, and the last run always starts after the last change.
 * @template T
 * @param {() => Promise<T>} query
 * @param {any[]} deps
 * @returns {T | undefined} undefined until the first answer
 */
export function useQuery(query, deps) {
  const [value, setValue] = useState(/** @type {T|undefined} */ (undefined));
  useEffect(() => {
    let alive = true;
    let running = false;
    let again = false;
    const run = () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      query().then(
        (v) => alive && setValue(() => v),
        (err) => console.error('query failed', err),
      ).finally(() => {
        running = false;
        if (again && alive) {
          again = false;
          run();
        }
      });
    };
    setValue(undefined);
    run();
    const off = store.subscribe(run);
    return () => {
      alive = false;
      off();
    };
  }, deps);
  return value;
}

/**
 * Her own `user` row (what she may do: staff, admin) with more reads for the
 * screen, all re-run when the store changes.
 * @template {Record<string, any>} T
 * @param {string} meId @param {() => Promise<T>} more
 * @returns {(T & {user: Record<string, any> | null}) | undefined}
 */
export function useWithUser(meId, more) {
  return useQuery(async () => {
    const [user, rest] = await Promise.all([store.getRow('user', meId), more()]);
    return { ...rest, user };
  }, [meId]);
}

/** @returns {import('../sync/index.js').SyncState} */
export function useSyncState() {
  const [state, setState] = useState(engine.state);
  useEffect(() => {
    const off = engine.subscribe(setState);
    setState(engine.state); // it may have changed between render and this effect
    return off;
  }, []);
  return state;
}

/** Whether the browser thinks it has a connection (also before anyone signs in). */
export function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(navigator.onLine);
    addEventListener('online', on);
    addEventListener('offline', on);
    on();
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', on);
    };
  }, []);
  return online;
}

/** @returns {import('../sync/index.js').Session} */
export function useSession() {
  const [s, setS] = useState(currentSession());
  useEffect(() => {
    const off = onSession(setS);
    setS(currentSession()); // it may have changed between render and this effect
    return off;
  }, []);
  return s;
}

/**
 * @typedef {'home'|'network'|'manage'|'thread'|'rejected'|'requests'|'ask'|'profile'|'apply'|
 *   'staff'|'queue'|'dashboard'|'schools'|'people'|'poradnia'|'audit'|
 *   'library'|'resource'|'notifications'|'search'|'about'|
 *   'meetings'|'meeting-new'|'meeting'|'meeting-edit'|'meeting-mode'|'checkin'|'participants'|
 *   'surveys'|'survey-new'|'survey'|'survey-edit'|'survey-results'|'certificates'|
 *   'plan'|'plans-waiting'} RouteName
 * @typedef {{name: RouteName, id?: string, post?: string, code?: string, year?: string, version?: string}} Route
 */

/** Pages without an id: #/<path> → name. */
const PAGES = /** @type {Record<string, RouteName>} */ ({
  notifications: 'notifications',
  search: 'search',
  rejected: 'rejected',
  requests: 'requests',
  'requests/new': 'ask',
  profile: 'profile',
  apply: 'apply',
  staff: 'staff',
  'staff/queue': 'queue',
  'staff/dashboard': 'dashboard',
  'staff/schools': 'schools',
  'staff/people': 'people',
  'staff/poradnia': 'poradnia',
  'staff/audit': 'audit',
  'staff/plans': 'plans-waiting',
});

/**
 * Hash routes: #/ · #/search[/<words>] · #/n/<network> · #/n/<network>/manage · #/n/<network>/about · #/t/<thread> · the PAGES ·
 * meetings: #/n/<network>/meetings[/new] · #/m/<meeting>[/edit|/live] · #/checkin[/<meeting>[/<code>]] · #/n/<network>/people
 * surveys: #/n/<network>/surveys[/new] · #/s/<survey>[/edit|/results] · certificates: #/n/<network>/certificates
 * plans: #/n/<network>/plan[/<year>[/<version>]] · #/staff/plans
 * @param {string} hash
 * @returns {Route}
 */
function parse(hash) {
  const path = hash.replace(/^#\/?/, '').replace(/\/$/, '');
  const parts = path.split('/').map(decodeURIComponent);
  if (parts[0] === 'n' && parts[1] && parts[2] === 'library') return { name: 'library', id: parts[1] };
  if (parts[0] === 'n' && parts[1] && parts[2] === 'about') return { name: 'about', id: parts[1] };
  if (parts[0] === 'n' && parts[1] && parts[2] === 'meetings') return { name: parts[3] === 'new' ? 'meeting-new' : 'meetings', id: parts[1] };
  if (parts[0] === 'n' && parts[1] && parts[2] === 'people') return { name: 'participants', id: parts[1] };
  if (parts[0] === 'n' && parts[1] && parts[2] === 'certificates') return { name: 'certificates', id: parts[1] };
  if (parts[0] === 'n' && parts[1] && parts[2] === 'surveys') return { name: parts[3] === 'new' ? 'survey-new' : 'surveys', id: parts[1] };
  if (parts[0] === 's' && parts[1]) {
    return { name: parts[2] === 'edit' ? 'survey-edit' : parts[2] === 'results' ? 'survey-results' : 'survey', id: parts[1] };
  }
  if (parts[0] === 'm' && parts[1]) {
    return { name: parts[2] === 'edit' ? 'meeting-edit' : parts[2] === 'live' ? 'meeting-mode' : 'meeting', id: parts[1] };
  }
  if (parts[0] === 'checkin') return { name: 'checkin', id: parts[1] || '', code: parts[2] || '' };
  if (parts[0] === 'n' && parts[1] && parts[2] === 'plan') return { name: 'plan', id: parts[1], year: parts[3], version: parts[4] };
  if (parts[0] === 'n' && parts[1]) return { name: parts[2] === 'manage' ? 'manage' : 'network', id: parts[1] };
  if (parts[0] === 't' && parts[1]) return { name: 'thread', id: parts[1], post: parts[2] };
  if (parts[0] === 'r' && parts[1]) return { name: 'resource', id: parts[1] };
  if (parts[0] === 'search') return { name: 'search' }; // #/search/<words>: SearchView reads them
  return { name: Object.prototype.hasOwnProperty.call(PAGES, path) ? PAGES[path] : 'home' };
}

/**
 * After a move to another screen, focus goes to its heading (a screen reader reads where she
 * is; the keyboard goes on from there). The new screen renders after the hashchange, a lazily
 * loaded one later still: look for a heading of a screen not the old one for up to 2 s, unless
 * focus has gone somewhere else meanwhile (a field she tapped, one the screen focuses itself).
 * @param {Element | null} old the old screen's heading
 */
function focusHeading(old, tries = 40, before = document.activeElement) {
  setTimeout(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active !== before) return; // she (or the screen) put it elsewhere
    const h = /** @type {HTMLElement | null} */ (document.querySelector('main h1'));
    if (!h || (h === old && tries > 36)) {
      if (tries > 0) focusHeading(old, tries - 1, before);
      return;
    }
    if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: true });
  }, 50);
}

/** @returns {Route} */
export function useHashRoute() {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const on = () => {
      const old = document.querySelector('main h1');
      setRoute(parse(location.hash));
      window.scrollTo(0, 0);
      focusHeading(old);
    };
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** @param {string} hash */
export const go = (hash) => {
  location.hash = hash;
};

/**
 * A text field whose content is kept in the store as the user types (a draft
 * survives a reload, a closed tab, a dead battery): every input is written at
 * once, and whatever has not landed yet is written again when the page is
 * hidden, frozen or closed — a keystroke just before the browser closes is kept.
 * @param {string} key
 * @param {string} [initial] the text to start from when there is no draft
 * @returns {[string, (v: string) => void, () => void]} value, set, clear
 */
export function useDraft(key, initial = '') {
  const [value, setValue] = useState(initial);
  /** What she typed that may not be in the store yet. @type {{current: {key: string, value: string} | null}} */
  const landing = useRef(null);
  /** She typed here: a draft read late must not overwrite it. */
  const typed = useRef(false);
  const shownKey = useRef(key);

  const save = useCallback((/** @type {{key: string, value: string}} */ draft) => {
    landing.current = draft;
    store.saveDraft(draft.key, draft.value).then(
      () => void (landing.current === draft && (landing.current = null)),
      () => {},
    );
  }, []);

  useEffect(() => {
    let alive = true;
    if (shownKey.current !== key) {
      shownKey.current = key;
      typed.current = false;
      setValue(initial);
    }
    // A saved draft wins over the initial text, but never over what she is typing now.
    store.getDraft(key).then((v) => alive && v && !typed.current && setValue(v));
    const flush = () => landing.current && save(landing.current);
    const onHide = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHide);
    document.addEventListener('freeze', flush);
    addEventListener('pagehide', flush);
    return () => {
      alive = false;
      document.removeEventListener('visibilitychange', onHide);
      document.removeEventListener('freeze', flush);
      removeEventListener('pagehide', flush);
    };
  }, [key]);

  const set = useCallback(
    (/** @type {string} */ v) => {
      setValue(v);
      typed.current = true;
      save({ key, value: v });
    },
    [key],
  );

  const clear = useCallback(() => {
    typed.current = false;
    setValue('');
    save({ key, value: '' });
  }, [key]);

  return [value, set, clear];
}
