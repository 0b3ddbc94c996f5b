/**
 * Polish speaks of a person by her form: "Anna założyła" or "Jan założył",
 * "nauczycielka" or "nauczyciel". Her profile records it (`form_of_address`:
 * 'pani', 'pan', or null); with none recorded the words stay neutral. A
 * message key gets its form's variant (`<key>.pani`, `<key>.pan`) when the
 * messages have one, the neutral key otherwise.
 */
import { hasWord, t } from './i18n.js';

/** @param {string} key @param {string|null|undefined} form @param {Record<string, any>} [params] */
export function inForm(key, form, params = {}) {
  const variant = `${key}.${form}`;
  // Only a language that has the variant says it (English needs none: "Anna started a thread").
  const has = (form === 'pani' || form === 'pan') && hasWord(variant);
  return t(has ? variant : key, params);
}

/** Her function as her form says it: "nauczycielka", "dyrektor". @param {string} fn @param {string|null|undefined} form */
export const functionName = (fn, form) => inForm(`function.${fn}`, form);
