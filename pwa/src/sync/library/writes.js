/**
 * Her good practices (server/library/): made (a file practice with its files
 * in the same transaction), edited, deleted, or promoted from a forum post.
 */
import { mutate } from '../writes.js';
import { uuid } from '../uuid.js';
import { attached } from '../files/writes.js';

/**
 * A good practice (a file practice may carry files).
 * @param {{networkId: string, kind: 'file'|'link', title: string, description: string, tags: string[],
 *   school_level: string|null, subject: string, url?: string, files?: import('../files/writes.js').Picked[]}} input
 * @returns {Promise<string>} its id
 */
export async function createResource({ networkId, files = [], url, ...fields }) {
  const id = uuid();
  const args = { id, network_id: networkId, ...fields, ...(fields.kind === 'link' ? { url } : {}) };
  await mutate('resource.create', args, attached(fields.kind === 'file' ? files : [], { resource_id: id }));
  return id;
}

/** @param {string} id @param {Record<string, any>} fields */
export const updateResource = (id, fields) => mutate('resource.update', { id, ...fields });

/** @param {string} id */
export const deleteResource = (id) => mutate('resource.delete', { id });

/**
 * A forum post becomes a good practice.
 * @param {string} postId @param {{title: string, description?: string, tags: string[], school_level: string|null, subject: string}} fields
 * @returns {Promise<string>} the practice's id
 */
export async function promotePost(postId, fields) {
  const resourceId = uuid();
  await mutate('post.promote', { post_id: postId, resource_id: resourceId, ...fields });
  return resourceId;
}
