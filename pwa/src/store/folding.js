/**
 * Polish text folded for search, exactly as the server folds it
 * (server/search/folding.py): lower case, diacritics dropped, ł → l, one
 * character for one; query words cut to a stem and matched as word prefixes.
 * Keep the two files equivalent: e2e/test_folding_agrees.py compares them.
 * No imports: node runs this file as it is in that test.
 */

/** Endings of Polish declension and conjugation, already folded, longest first. */
const ENDINGS = [
  'a', 'e', 'i', 'o', 'u', 'y', 'ac', 'al', 'ala', 'ali', 'aly', 'ach', 'ami', 'ecie', 'ego', 'ej', 'em',
  'emu', 'emy', 'esz', 'ia', 'iach', 'iami', 'ich', 'ie', 'iem', 'im', 'imi', 'io', 'iu', 'om', 'ow',
  'owa', 'owe', 'owej', 'owi', 'owie', 'owy', 'owych', 'ych', 'ym', 'ymi',
].sort((a, b) => b.length - a.length);
const MIN_STEM = 3;
const MAX_TERMS = 12;
const WORD = /[0-9a-z]+/g;

/** One code point, folded. @param {string} ch */
function foldChar(ch) {
  if (ch === 'ł' || ch === 'Ł') return 'l';
  const base = [...ch.normalize('NFKD')][0].toLowerCase();
  return [...base].length === 1 ? base : [...ch.toLowerCase()][0];
}

/**
 * Folded text as code points: the i-th one stands for the i-th code point of
 * the original (so a match found in the folded text cuts the original).
 * @param {string} text @returns {string[]}
 */
export function foldPoints(text) {
  return [...text].map(foldChar);
}

/** @param {string} text */
export const fold = (text) => foldPoints(text).join('');

/** Cuts a declension ending, keeping at least three letters ("uczniów" → "uczni"). @param {string} word */
export function stem(word) {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

/** What to look for: stems of the folded words, each matched as a prefix. @param {string} query */
export function queryTerms(query) {
  /** @type {string[]} */
  const terms = [];
  for (const word of fold(query).match(WORD) || []) {
    const term = word.length > MIN_STEM ? stem(word) : word;
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms.slice(0, MAX_TERMS);
}

/** The words of a folded text, as the server's full-text index splits them. @param {string} folded */
const tokens = (folded) => folded.match(/[\p{L}\p{N}]+/gu) || [];

/**
 * Does the text hold every term as the start of a word?
 * @param {string} text @param {string[]} terms
 */
export function matches(text, terms) {
  if (!terms.length) return false;
  const words = tokens(fold(text));
  return terms.every((term) => words.some((w) => w.startsWith(term)));
}

const SNIPPET = 80;

/**
 * About 160 characters around the first match, as the server cuts them.
 * @param {string} text @param {string[]} terms
 */
export function snippet(text, terms) {
  const original = [...text];
  const folded = foldPoints(text).join('');
  const hits = terms
    .map((term) => folded.indexOf(term))
    .filter((at) => at >= 0)
    .map((at) => [...folded.slice(0, at)].length); // UTF-16 index → code point index
  const at = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, at - SNIPPET);
  const end = Math.min(original.length, at + SNIPPET);
  const cut = original.slice(start, end).join('').split(/\s+/).filter(Boolean).join(' ');
  return (start > 0 ? '…' : '') + cut + (end < original.length ? '…' : '');
}
