/**
 * A post's words without the Markdown machinery: the short plain quote, and the renderer
 * (marked + DOMPurify, ~80 KB, in markdown.js) fetched in a chunk of its own the first time a
 * post body is shown, so the first load does not carry it. The service worker precaches the
 * chunk: offline it renders as before. Until it has come a body shows as plain text (Preact
 * escapes it), never as unsanitized HTML.
 */

/** @type {((body: string, mentionNames?: string[]) => string) | null} */
let render = null;
/** @type {Promise<void> | null} */
let loading = null;

/** The renderer if it has come already (else null). */
export const markdownRenderer = () => render;

/** Fetches the renderer once; a failed fetch (offline, not yet cached) is tried again next time. */
export function loadMarkdown() {
  loading ||= import('./markdown.js').then(
    (m) => {
      render = m.renderMarkdown;
    },
    (err) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** Plain words of a post for a quote: Markdown marks dropped, cut short. @param {string} body @param {number} [max] */
export function quoteText(body, max = 220) {
  const plain = (body || '').replace(/[*_`>#~[\]()!]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max).trimEnd()}…` : plain;
}
