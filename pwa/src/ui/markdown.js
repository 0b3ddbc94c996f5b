/**
 * Post bodies are Markdown (docs/sync-protocol.md): rendered with marked and
 * sanitized with DOMPurify before they reach the page. Raw HTML in a post is
 * shown as text, never parsed; links get rel=noopener and open in a new tab;
 * only http(s) and mailto links survive; pictures from elsewhere are not
 * loaded (the CSP would refuse them anyway). @mentions of people the post
 * names are marked in the text nodes, never by pasting strings into HTML.
 * Loaded lazily through postText.js (loadMarkdown), never imported by the first load.
 */
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

/** @param {string} s */
const escapeHtml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const md = new Marked({
  gfm: true,
  breaks: true, // a teacher's Enter is a new line
  renderer: {
    html: ({ text }) => escapeHtml(text), // <img onerror=…> stays visible text
    image: ({ text }) => escapeHtml(text),
    br: () => '<br>\n', // the text keeps her line breaks too (copying, reading aloud)
  },
});

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input'];
const SAFE_URL = /^(?:https?:|mailto:|#)/i;

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') || '';
    if (!SAFE_URL.test(href)) node.removeAttribute('href');
    node.setAttribute('rel', 'noopener noreferrer');
    node.setAttribute('target', '_blank');
  }
  if (node.tagName === 'INPUT') node.setAttribute('disabled', ''); // GFM task lists only
});

/**
 * Wraps "@Name" of the mentioned people in <span class="mention"> inside text nodes.
 * @param {DocumentFragment} root @param {string[]} names
 */
function markMentions(root, names) {
  const wanted = names.filter(Boolean).map((n) => `@${n}`);
  if (!wanted.length) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** @type {Text[]} */
  const texts = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(/** @type {Text} */ (n));
  for (let text of texts) {
    for (;;) {
      const value = text.data;
      const hits = wanted.map((w) => [value.indexOf(w), w.length]).filter(([at]) => at >= 0).sort((a, b) => a[0] - b[0]);
      if (!hits.length) break;
      const [at, len] = hits[0];
      const mention = text.splitText(at);
      text = mention.splitText(len);
      const span = document.createElement('span');
      span.className = 'mention';
      mention.replaceWith(span);
      span.appendChild(mention);
    }
  }
}

/**
 * Safe HTML for a post body.
 * @param {string} body Markdown @param {string[]} [mentionNames] names of the people it mentions
 * @returns {string}
 */
export function renderMarkdown(body, mentionNames = []) {
  const html = /** @type {string} */ (md.parse(body || '', { async: false }));
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'type', 'checked', 'align'],
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  markMentions(fragment, mentionNames);
  const box = document.createElement('div');
  box.appendChild(fragment);
  return box.innerHTML;
}
