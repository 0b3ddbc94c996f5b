/**
 * Drafts' write-ahead copies in localStorage (see drafts.js): synchronous, so a
 * keystroke is kept even when the tab closes before IndexedDB's write lands.
 */
const AHEAD = 'krag.draft:'; // key prefix

/** @param {string} key @returns {string | null} */
export function readAhead(key) {
  try {
    return localStorage.getItem(AHEAD + key);
  } catch {
    return null;
  }
}

/** @param {string} key @param {string} text */
export function writeAhead(key, text) {
  try {
    localStorage.setItem(AHEAD + key, text); // '' too: a cleared draft must not come back from IndexedDB
  } catch {
    // full or forbidden: IndexedDB alone, as before
  }
}

/** @param {string} key */
export function forgetAhead(key) {
  try {
    localStorage.removeItem(AHEAD + key);
  } catch {
    // nothing to forget
  }
}

/** Drops every copy: signing out forgets the drafts with the database. */
export function forgetAllAhead() {
  try {
    for (const name of Object.keys(localStorage)) if (name.startsWith(AHEAD)) localStorage.removeItem(name);
  } catch {
    // nothing to forget
  }
}
