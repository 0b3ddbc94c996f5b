/**
 * The words a search found, marked in a result's text: every word whose folded form starts
 * with one of the query's terms (as the search matched it: "zolw" marks "żółwie"). Returns
 * pieces of the text to render as elements (Preact escapes them), never HTML.
 */
import { foldPoints, queryTerms } from '../../store/folding.js';

/** @typedef {{text: string, hit: boolean}} Piece */

/**
 * @param {string} text @param {string} query
 * @returns {Piece[]}
 */
export function highlight(text, query) {
  const terms = queryTerms(query);
  const points = [...text];
  const folded = foldPoints(text);
  /** @type {Piece[]} */
  const out = [];
  /** @param {string} piece @param {boolean} hit */
  const push = (piece, hit) => {
    if (!piece) return;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else out.push({ text: piece, hit });
  };
  let i = 0;
  while (i < points.length) {
    if (!/[\p{L}\p{N}]/u.test(folded[i])) {
      push(points[i], false);
      i += 1;
      continue;
    }
    let end = i;
    while (end < points.length && /[\p{L}\p{N}]/u.test(folded[end])) end += 1;
    const word = folded.slice(i, end).join('');
    push(points.slice(i, end).join(''), terms.some((term) => word.startsWith(term)));
    i = end;
  }
  return out;
}
