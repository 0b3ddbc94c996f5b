/**
 * The rich text of a co-edited document: its ProseMirror schema, which is the contract the
 * server's readers rely on (docs/sync-protocol.md, "The rich text"). y-prosemirror maps it to
 * the Y.XmlFragment "content": each node an XmlElement named after its type ("paragraph",
 * "heading" with the attribute level, "bulletList", "orderedList", "listItem"), text an
 * XmlText whose formatting attributes are the marks ("bold", "italic", "link" with {href}).
 * Renaming a node or a mark breaks every stored document: add, never rename.
 */
import { Schema } from 'prosemirror-model';

/** The fragment of the Yjs document that holds the text. */
export const CONTENT = 'content';

const SAFE = /^(https?:|mailto:)/i;

/**
 * The link as it may be kept and followed: http, https and mailto only; "www.x.pl" becomes
 * "https://www.x.pl", an address "a@b.pl" a mailto. Anything else (javascript:, data:…) is null.
 * @param {string | null | undefined} href
 */
export function safeHref(href) {
  const text = (href || '').trim();
  if (!text || /\s/.test(text)) return null;
  if (SAFE.test(text)) {
    try {
      return new URL(text).href;
    } catch {
      return null;
    }
  }
  if (/^[^@/:]+@[^@/:]+\.[a-z]{2,}$/i.test(text)) return `mailto:${text}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+([/?#].*)?$/i.test(text)) return safeHref(`https://${text}`);
  return null;
}

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      content: 'inline*',
      group: 'block',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', 0],
    },
    heading: {
      attrs: { level: { default: 2 } },
      content: 'inline*',
      group: 'block',
      defining: true,
      parseDOM: [1, 2, 3, 4, 5, 6].map((n) => ({ tag: `h${n}`, attrs: { level: Math.min(Math.max(n, 2), 3) } })),
      // Headings 2 and 3 (the page's title is the h1); whatever another client wrote is shown as one of them.
      toDOM: (node) => [`h${node.attrs.level === 3 ? 3 : 2}`, 0],
    },
    bulletList: {
      content: 'listItem+',
      group: 'block',
      parseDOM: [{ tag: 'ul' }],
      toDOM: () => ['ul', 0],
    },
    orderedList: {
      content: 'listItem+',
      group: 'block',
      parseDOM: [{ tag: 'ol' }],
      toDOM: () => ['ol', 0],
    },
    listItem: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', 0],
    },
    text: { group: 'inline' },
  },
  marks: {
    bold: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b', getAttrs: (el) => /** @type {HTMLElement} */ (el).style.fontWeight !== 'normal' && null }],
      toDOM: () => ['strong', 0],
    },
    italic: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: () => ['em', 0],
    },
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [{
        tag: 'a[href]',
        getAttrs: (el) => {
          const href = safeHref(/** @type {HTMLElement} */ (el).getAttribute('href'));
          return href ? { href } : false;  // a pasted javascript: link comes in as plain text
        },
      }],
      // Whatever another client put in the document, only a safe address is ever followed.
      toDOM: (mark) => ['a', { href: safeHref(mark.attrs.href) || '#', rel: 'noopener noreferrer nofollow', target: '_blank' }, 0],
    },
  },
});
