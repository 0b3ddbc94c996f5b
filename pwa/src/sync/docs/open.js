/**
 * Opening a co-edited document: what the editor screen calls (loaded lazily with it, so
 * the app's first load carries no Yjs). The device's copy loads first, so what she typed
 * offline last week is in the document before the server's SyncStep1 is answered.
 */
import * as Y from 'yjs';
import { DocProvider } from './provider.js';
import { keepOnDevice } from '../../store/docs.js';

/**
 * @param {import('./provider.js').DocSocket} socket the live channel's socket (sync/socket.js)
 * @param {string} docId "minutes:<meeting id>", "plan:<network id>", "notes:<network id>:<uuid>"
 * @param {{user?: {name: string, color: string}}} [who] how the others see her (presence)
 */
export async function openDoc(socket, docId, who = {}) {
  const doc = new Y.Doc();
  const kept = keepOnDevice(docId, doc);
  await kept.loaded;
  const provider = new DocProvider(socket, docId, doc);
  if (who.user) provider.awareness.setLocalStateField('user', who.user);
  return {
    doc,
    provider,
    async close() {
      provider.destroy();
      await kept.close();
      doc.destroy();
    },
  };
}
