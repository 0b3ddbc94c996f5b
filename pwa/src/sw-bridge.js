/**
 * The page's one link to the service worker: registers it, says "ready to
 * work offline" after the first install and "new version — reload" when an
 * update waits; reloading asks the waiting worker to take over.
 */
import { Workbox } from 'workbox-window';

/** @typedef {{offlineReady: boolean, updateWaiting: boolean}} SwState */

/** @type {SwState} */
let state = { offlineReady: false, updateWaiting: false };
/** @type {Set<(s: SwState) => void>} */
const listeners = new Set();
/** @type {Workbox | null} */
let wb = null;
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** @param {Partial<SwState>} patch */
function set(patch) {
  state = { ...state, ...patch };
  for (const fn of [...listeners]) fn(state);
}

export const swState = () => state;

/** @param {(s: SwState) => void} fn */
export function onSwState(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Says on <html data-sw="controlled"> that a worker serves this page (tests wait for it). */
function markControlled() {
  if (navigator.serviceWorker.controller) document.documentElement.dataset.sw = 'controlled';
}

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  markControlled();
  navigator.serviceWorker.addEventListener('controllerchange', markControlled);
  wb = new Workbox('/sw.js');
  wb.addEventListener('installed', (event) => {
    if (!event.isUpdate) set({ offlineReady: true });
  });
  wb.addEventListener('waiting', () => set({ updateWaiting: true }));
  wb.register().catch((err) => console.warn('service worker not registered', err));
  // A phone may keep the app open for days: look for a new version now and then.
  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
    lastCheck = Date.now();
    wb?.update().catch(() => {});
  });
}

/** The user chose to reload into the new version. */
export function applyUpdate() {
  if (!wb) return location.reload();
  wb.addEventListener('controlling', () => location.reload());
  wb.messageSkipWaiting();
}

export function dismissOfflineReady() {
  set({ offlineReady: false });
}

export function dismissUpdate() {
  set({ updateWaiting: false });
}
