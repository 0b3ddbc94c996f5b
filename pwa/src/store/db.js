/**
 * Opens (and deletes) the `krag` database. The one place that calls openDB.
 */
import { openDB, deleteDB } from 'idb';
import { DB_NAME, DB_VERSION, upgrade } from './schema.js';

/** @type {Promise<import('idb').IDBPDatabase> | null} */
let opening = null;

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
        onClosedElsewhere();
      },
      terminated() {
        opening = null;
      },
    });
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

/** Drops everything this device keeps about the signed-in person. */
export async function deleteDatabase() {
  if (opening) {
    const d = await opening.catch(() => null);
    d?.close();
    opening = null;
  }
  await deleteDB(DB_NAME);
}
