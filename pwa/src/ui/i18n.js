/**
 * Language: Polish, unless the user chose English with the toggle (the choice
 * is kept in localStorage: it is not personal data and survives signing out).
 * The browser's language is not consulted: a Polish Poradnia's app speaks
 * Polish first, whatever language the phone was set up in.
 */
import { useEffect, useState } from 'preact/hooks';
import { messages } from './messages.js';

/** @typedef {'pl'|'en'} Lang */

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

export const currentLang = () => lang;

/** @param {Lang} next */
export function setLang(next) {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  for (const fn of [...listeners]) fn(next);
}

/**
 * @param {string} key
 * @param {Record<string, string|number>} [params]
 * @param {Lang} [l]
 */
export function t(key, params = {}, l = lang) {
  /** @type {any} */
  let value = messages[l][key] ?? messages.pl[key] ?? key;
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
