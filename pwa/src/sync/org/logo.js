/**
 * The Poradnia's logo (`poradnia.update {logo_sha256}`): its bytes go up with
 * the attachments' uploader (HEAD, then PUT /api/files/<sha256>), and only then
 * is the change written. It needs a connection: an attachment waits in the
 * uploads beside its post, but a logo has no row to wait in, so she is told
 * to try again online instead.
 */
import { sendFile } from '../files/uploader.js';
import { updatePoradnia } from './writes.js';
import { NetworkError } from '../api.js';

export const LOGO_MAX_MB = 5;

/**
 * @param {{sha256: string, blob: Blob}} file
 * @returns {Promise<{ok: true} | {offline: true} | {refused: string} | {later: true}>}
 */
export async function setPoradniaLogo(file) {
  if (!navigator.onLine) return { offline: true };
  try {
    const outcome = await sendFile(file);
    if ('refused' in outcome) return { refused: outcome.refused.message };
    if ('later' in outcome) return { later: true };
  } catch (err) {
    if (err instanceof NetworkError) return { offline: true };
    throw err;
  }
  await updatePoradnia({ logo_sha256: file.sha256 });
  return { ok: true };
}

/** "Usuń logo": a plain write, which waits in the outbox offline like any other. */
export async function removePoradniaLogo() {
  await updatePoradnia({ logo_sha256: null });
}
