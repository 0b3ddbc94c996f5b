/** A file's bytes kept on the device for offline use ("dostępne offline"); needs a connection. */
import * as store from '../../store/index.js';
import { rawFetch, ApiError } from '../api.js';

/**
 * Downloads an attachment's bytes and keeps them ("dostępne offline").
 * @param {{id: string, sha256: string, name: string}} attachment
 */
export async function keepAttachmentOffline(attachment) {
  const res = await rawFetch('GET', `/api/attachments/${encodeURIComponent(attachment.id)}`);
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  await store.keepOffline(attachment.sha256, { blob: await res.blob(), name: attachment.name });
}

/** @param {string} sha256 */
export const forgetOffline = (sha256) => store.keepOffline(sha256, null);
