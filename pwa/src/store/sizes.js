/**
 * How much each network takes on this device, estimated from what IndexedDB
 * holds: every row living in the network's scope (its JSON's UTF-8 length; a
 * row shared by several networks — a member of both — counts in each), and the
 * bytes of the files its attachments name (a file shown in two networks counts
 * in both). The browser's own overhead (indexes, pages) is not in it: an estimate.
 */
import { db } from './db.js';
import { FILES, ROW_STORE_NAMES } from './schema.js';

/**
 * @typedef {{rows: number, posts: number, bytes: number, files: number, fileBytes: number}} NetworkSize
 * @returns {Promise<Record<string, NetworkSize>>} by network id
 */
export async function networkSizes() {
  const tx = (await db()).transaction([...ROW_STORE_NAMES, FILES], 'readonly');
  const encoder = new TextEncoder();
  /** @type {Record<string, NetworkSize>} */
  const sizes = {};
  /** @type {Map<string, Set<string>>} sha256 → network ids */
  const fileNetworks = new Map();
  for (const name of ROW_STORE_NAMES) {
    let cursor = await tx.objectStore(name).openCursor();
    while (cursor) {
      const row = cursor.value;
      const networks = (row._scopes || []).filter((/** @type {string} */ s) => s.startsWith('network:'));
      if (networks.length) {
        const bytes = encoder.encode(JSON.stringify(row)).length;
        for (const scope of networks) {
          const id = scope.slice('network:'.length);
          const size = (sizes[id] ||= { rows: 0, posts: 0, bytes: 0, files: 0, fileBytes: 0 });
          size.rows += 1;
          size.bytes += bytes;
          if (name === 'posts') size.posts += 1;
          if (name === 'attachments' && row.sha256) {
            const held = fileNetworks.get(row.sha256) || new Set();
            fileNetworks.set(row.sha256, held.add(id));
          }
        }
      }
      cursor = await cursor.continue();
    }
  }
  for (const [sha256, networks] of fileNetworks) {
    const file = await tx.objectStore(FILES).get(sha256);
    if (!file) continue; // not downloaded to this phone: it takes nothing here
    const bytes = file.blob?.size ?? file.size ?? 0;
    for (const id of networks) {
      sizes[id].files += 1;
      sizes[id].fileBytes += bytes;
    }
  }
  await tx.done;
  return sizes;
}
