/**
 * File bytes on the device and attachments waiting for them
 * (docs/sync-protocol.md, "The offline flow").
 *
 * `files` keeps each Blob once, by SHA-256: the ones she attached (until the
 * server's attachment row comes back) and the ones she keeps offline (`keep`).
 * `uploads` keeps each `attachment.add` aside, with no mutation id, until its
 * bytes are on the server; only then does it join the outbox, so replies
 * written meanwhile are not held behind a long upload. The rebase re-applies
 * these entries after the outbox (outbox.js), so the optimistic rows stay.
 */
import { db } from './db.js';
import { ALL_STORES, FILES, META, OUTBOX, REJECTED, UPLOADS } from './schema.js';
import { RowTx } from './rows.js';
import { ensureClientId } from './meta.js';
import { notify } from './changes.js';

/**
 * @typedef {{sha256: string, blob: Blob, name: string, mime: string, size: number, keep?: 1}} StoredFile
 * @typedef {{key?: number, name: 'attachment.add', args: {id: string, post_id?: string,
 *   resource_id?: string, sha256: string, name: string}, created_at: string, tries?: number}} WaitingUpload
 * @typedef {import('idb').IDBPTransaction<any, string[], 'readwrite'>} Tx
 * @typedef {import('./rows.js').Mutators} Mutators
 */

/** A file she picked, hashed: what goes into `files`. @typedef {{sha256: string, blob: Blob, name: string}} Picked */
/** A picked file and the `attachment.add` arguments that name it. @typedef {{file: Picked, args: WaitingUpload['args']}} Attached */

/**
 * Inside a write's transaction: keep the bytes, show the attachment at once
 * (the local `attachment.add`) and set that mutation aside until the upload is done.
 * @param {Tx} tx @param {Attached} attached @param {Mutators} mutators @param {string} created_at
 */
export async function queueAttachment(tx, { file, args }, mutators, created_at) {
  const files = tx.objectStore(FILES);
  if (!(await files.get(file.sha256))) {
    await files.put({ sha256: file.sha256, blob: file.blob, name: file.name, mime: file.blob.type, size: file.blob.size });
  }
  /** @type {WaitingUpload} */
  const entry = { name: 'attachment.add', args, created_at };
  await mutators['attachment.add'](new RowTx(tx), args, { at: created_at });
  await tx.objectStore(UPLOADS).add(entry);
}

/**
 * Attachments of an existing post or practice, one transaction for all of them.
 * @param {Attached[]} items @param {Mutators} mutators
 */
export async function attachFiles(items, mutators) {
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  const at = new Date().toISOString();
  for (const item of items) await queueAttachment(tx, item, mutators, at);
  await tx.done;
  notify();
}

/** What waits for an upload, oldest first, each with its bytes (null when they are gone). */
export async function waitingUploads() {
  const tx = (await db()).transaction([UPLOADS, FILES]);
  /** @type {WaitingUpload[]} */
  const entries = await tx.objectStore(UPLOADS).getAll();
  const withFiles = await Promise.all(
    entries.map(async (e) => ({ entry: e, file: /** @type {StoredFile|undefined} */ (await tx.objectStore(FILES).get(e.args.sha256)) })),
  );
  await tx.done;
  return withFiles;
}

/**
 * The bytes are on the server: the entry gets the next mutation id and joins
 * the outbox, in one transaction. Returns the id, or 0 when it was gone.
 * @param {number} key @param {() => string} newClientId
 */
export async function uploaded(key, newClientId) {
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  const entry = await tx.objectStore(UPLOADS).get(key);
  if (!entry) {
    await tx.done;
    return 0;
  }
  await ensureClientId(tx, newClientId);
  const meta = tx.objectStore(META);
  const id = (await meta.get('next_mutation_id')) || 1;
  await meta.put(id + 1, 'next_mutation_id');
  await tx.objectStore(OUTBOX).put({
    id, name: entry.name, args: entry.args, created_at: entry.created_at, ...(entry.tries ? { tries: entry.tries } : {}),
  });
  await tx.objectStore(UPLOADS).delete(key);
  await tx.done;
  notify();
  return id;
}

/**
 * The server will never take these bytes (413, 415): the entry goes to the
 * rejected list with the server's words, and its row off the screen.
 * @param {number} key @param {{code: string, message: string}} error
 */
export async function uploadRefused(key, error) {
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  const entry = await tx.objectStore(UPLOADS).get(key);
  if (entry) {
    await tx.objectStore(UPLOADS).delete(key);
    await tx.objectStore(REJECTED).add({
      mutation_id: 0, name: entry.name, args: entry.args, error, rejected_at: new Date().toISOString(),
    });
    await new RowTx(tx).remove('attachment', entry.args.id);
  }
  await tx.done;
  notify();
}

const MAX_TRIES = 3;

/**
 * `file_missing`: the server lost the bytes after all. While the Blob is here,
 * the rejected entry goes back to the uploads (a few times at most).
 * @param {Mutators} mutators the local mutators (its `attachment.add` shows the row again)
 * @returns {Promise<number>} how many went back
 */
export async function retryMissingFiles(mutators) {
  const tx = (await db()).transaction(ALL_STORES, 'readwrite');
  const rejected = tx.objectStore(REJECTED);
  let count = 0;
  for (const entry of await rejected.getAll()) {
    if (entry.name !== 'attachment.add' || entry.error?.code !== 'file_missing') continue;
    const tries = (entry.tries || 0) + 1;
    if (tries > MAX_TRIES || !(await tx.objectStore(FILES).get(entry.args.sha256))) continue;
    await rejected.delete(entry.key);
    const again = { name: entry.name, args: entry.args, created_at: new Date().toISOString(), tries };
    await tx.objectStore(UPLOADS).add(again);
    try {
      await mutators['attachment.add'](new RowTx(tx), entry.args, { at: again.created_at });
    } catch (err) {
      if (err instanceof DOMException) throw err;
    }
    count += 1;
  }
  await tx.done;
  if (count) notify();
  return count;
}

/**
 * Drops bytes nobody needs any more: not kept offline, and no waiting,
 * outgoing or refused attachment names them (the server's copy has come back).
 */
export async function dropSettledFiles() {
  const tx = (await db()).transaction([FILES, UPLOADS, OUTBOX, REJECTED], 'readwrite');
  /** @type {Set<string>} */
  const needed = new Set();
  for (const store of [UPLOADS, OUTBOX, REJECTED]) {
    for (const e of await tx.objectStore(store).getAll()) if (e.args?.sha256) needed.add(e.args.sha256);
  }
  const files = tx.objectStore(FILES);
  let dropped = 0;
  for (const sha of /** @type {string[]} */ (await files.getAllKeys())) {
    if (needed.has(sha)) continue;
    const f = await files.get(sha);
    if (f && !f.keep) {
      await files.delete(sha);
      dropped += 1;
    }
  }
  await tx.done;
  if (dropped) notify(); // pictures now come from the server
}

/** The bytes the device holds, or null. @param {string} sha256 @returns {Promise<StoredFile|null>} */
export async function localFile(sha256) {
  return (await (await db()).get(FILES, sha256)) || null;
}

/**
 * Keep a downloaded file on the device ("dostępne offline"), or let it go.
 * @param {string} sha256 @param {{blob: Blob, name: string} | null} file null: stop keeping it
 */
export async function keepOffline(sha256, file) {
  const d = await db();
  const old = await d.get(FILES, sha256);
  if (file) await d.put(FILES, { ...(old || {}), sha256, blob: file.blob, name: file.name, mime: file.blob.type, size: file.blob.size, keep: 1 });
  else if (old) await d.put(FILES, { ...old, keep: undefined });
  notify();
}
