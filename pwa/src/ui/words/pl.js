/**
 * The Polish words alone, the ones the first load carries. Here they are taken from
 * messages.js (both languages, as the message files keep them side by side); the production
 * build (build.mjs, plugin `words`) puts only this language's words in the bundle instead.
 */
import { messages } from '../messages.js';

export default messages.pl;
