/**
 * Reads for the library of good practices: a network's practices, newest
 * first, each with its attachments and whether their bytes are on the device.
 */
import { db } from './db.js';
import { FILES, toRow } from './schema.js';
import { rows, time } from './plain.js';

/** @param {string} networkId */
export async function resourcesOf(networkId) {
  const tx = (await db()).transaction(['resources', 'attachments']);
  const list = rows(await tx.objectStore('resources').index('network_id').getAll(networkId));
  const withFiles = await Promise.all(
    list.map(async (r) => /** @type {Record<string, any>} */ ({
      ...r, attachments: rows(await tx.objectStore('attachments').index('resource_id').getAll(r.id)),
    })),
  );
  await tx.done;
  return withFiles.sort((a, b) => time(b.created_at) - time(a.created_at));
}

/**
 * One practice with its attachments; `local`: SHA-256 → kept offline on purpose.
 * @param {string} resourceId
 */
export async function resourceBundle(resourceId) {
  const tx = (await db()).transaction(['resources', 'attachments', FILES]);
  const resource = toRow(await tx.objectStore('resources').get(resourceId));
  const attachments = rows(await tx.objectStore('attachments').index('resource_id').getAll(resourceId));
  /** @type {Map<string, boolean>} */
  const local = new Map();
  for (const a of attachments) {
    const f = await tx.objectStore(FILES).get(a.sha256);
    if (f) local.set(a.sha256, f.keep === 1);
  }
  await tx.done;
  return { resource, attachments, local };
}

/** Posts already made into a practice: post id → the practice's id. @param {string} networkId */
export async function promotedPosts(networkId) {
  const list = rows(await (await db()).getAllFromIndex('resources', 'network_id', networkId));
  return new Map(list.filter((r) => r.from_post_id).map((r) => [r.from_post_id, r.id]));
}
