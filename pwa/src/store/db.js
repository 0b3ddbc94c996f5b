/**
 * Opens (and deletes) the `krag` database. The one place that calls openDB.
 */
import { openDB, deleteDB } from 'idb';
import { DB_NAME, DB_VERSION, upgrade } from './schema.js';
import { forgetAllAhead } from './ahead.js';

/** @type {Promise<import('idb').IDBPDatabase> | null} */
let opening = null;

/** The database once open, for a write that must start before the page may close. @type {import('idb').IDBPDatabase | null} */
let open = null;

/** @type {() => void} */
let onClosedElsewhere = () => {};

/** Called when another tab deletes the database (it signed out) or upgrades it. @param {() => void} fn */
export function onDatabaseDeleted(fn) {
  onClosedElsewhere = fn;
}

/** @returns {Promise<import('idb').IDBPDatabase>} */
export function db() {
  if (!opening) {
    opening = openDB(DB_NAME, DB_VERSION, {
      upgrade: (d, oldVersion, _newVersion, tx) => upgrade(d, oldVersion, tx),
      // Another tab deletes the database (signed out) or a newer version of the
      // app upgrades it: let it, stop using ours, and start over.
      blocking() {
        opening?.then((d) => d.close());
        opening = null;
        open = null;
        onClosedElsewhere();
      },
      terminated() {
        opening = null;
        open = null;
      },
    });
    opening.then((d) => {
      open = d;
    }, () => {
      opening = null;
    });
  }
  return opening;
}

/** The open database now, with no wait (null until db() has opened it). */
export const openNow = () => open;

/** Drops everything this device keeps about the signed-in person. */
export async function deleteDatabase() {
  if (opening) {
    const d = await opening.catch(() => null);
    d?.close();
    opening = null;
    open = null;
  }
  forgetAllAhead();
  await deleteDB(DB_NAME);
}
