/**
 * The English words alone, in a chunk fetched only when she chooses English (i18n.js) and
 * precached by the service worker for offline. Taken from messages.js here; the production
 * build (build.mjs, plugin `words`) puts only this language's words in the chunk instead.
 */
import { messages } from '../messages.js';

export default messages.en;
