/**
 * Language: Polish, unless the user chose English with the toggle (the choice
 * is kept in localStorage: it is not personal data and survives signing out).
 * The browser's language is not consulted: a Polish Poradnia's app speaks
 * Polish first, whatever language the phone was set up in.
 *
 * Only Polish comes with the first load; English is a chunk of its own (words/en.js),
 * fetched when chosen (and precached by the service worker for offline use).
 */
import { useEffect, useState } from 'preact/hooks';
import pl from './words/pl.js';

/** @typedef {'pl'|'en'} Lang */
/** @typedef {import('./messages.js').Words} Words */

/** @type {Record<Lang, Words | null>} */
const words = { pl, en: null };
/** @type {Promise<void> | null} */
let englishComing = null;
/** English words of screens whose chunks came before English did (addWords). @type {Words[]} */
const laterEnglish = [];

/** Fetches a language's words once (Polish is here already). @param {Lang} l @returns {Promise<void>} */
function loadWords(l) {
  if (words[l]) return Promise.resolve();
  englishComing ||= import('./words/en.js').then(
    (m) => {
      words.en = Object.assign({}, m.default, ...laterEnglish);
    },
    (err) => {
      englishComing = null; // offline and never cached: the next choice tries again
      throw err;
    },
  );
  return englishComing;
}

/**
 * The words of a screen that comes in a chunk of its own (lazy.jsx), both languages, added when
 * its module loads: they stay out of the first load. @param {import('./messages.js').Part} part
 */
export function addWords(part) {
  Object.assign(pl, part.pl);
  laterEnglish.push(part.en);
  if (words.en) Object.assign(words.en, part.en);
}

const KEY = 'krag.lang';
/** @type {Set<(l: Lang) => void>} */
const listeners = new Set();

/** @returns {Lang} */
function initialLang() {
  const saved = localStorage.getItem(KEY);
  return saved === 'en' ? 'en' : 'pl';
}

let lang = initialLang();
document.documentElement.lang = lang;

/**
 * Resolves once the chosen language's words are here (main.jsx renders after it). Should
 * English not come (offline, never cached), this visit speaks Polish; her choice stays saved.
 */
export const wordsReady = loadWords(lang).catch(() => {
  lang = 'pl';
  document.documentElement.lang = lang;
});

export const currentLang = () => lang;

/** Switches once the language's words are here. @param {Lang} next @returns {Promise<void>} */
export async function setLang(next) {
  await loadWords(next);
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  for (const fn of [...listeners]) fn(next);
}

/** Whether the current language has this key (not only Polish's fallback). @param {string} key */
export const hasWord = (key) => Object.prototype.hasOwnProperty.call(words[lang] || pl, key);

/**
 * @param {string} key
 * @param {Record<string, string|number>} [params]
 * @param {Lang} [l]
 */
export function t(key, params = {}, l = lang) {
  /** @type {any} */
  let value = (words[l] || pl)[key] ?? pl[key] ?? key;
  if (typeof value === 'object') {
    const form = new Intl.PluralRules(l).select(Number(params.n ?? 0));
    value = value[form] ?? value.other;
  }
  return String(value).replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Re-renders the component when the language changes. */
export function useLang() {
  const [l, set] = useState(lang);
  useEffect(() => {
    listeners.add(set);
    set(lang);
    return () => void listeners.delete(set);
  }, []);
  return l;
}
