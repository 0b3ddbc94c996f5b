/**
 * Polish speaks of a person by her form: "Anna założyła" or "Jan założył",
 * "nauczycielka" or "nauczyciel". Her profile records it (`form_of_address`:
 * 'pani', 'pan', or null); with none recorded the words stay neutral. A
 * message key gets its form's variant (`<key>.pani`, `<key>.pan`) when the
 * messages have one, the neutral key otherwise.
 */
import { t } from './i18n.js';

/** @param {string} key @param {string|null|undefined} form @param {Record<string, any>} [params] */
export function inForm(key, form, params = {}) {
  if (form === 'pani' || form === 'pan') {
    const variant = `${key}.${form}`;
    const said = t(variant, params);
    if (said !== variant) return said;
  }
  return t(key, params);
}

/** Her function as her form says it: "nauczycielka", "dyrektor". @param {string} fn @param {string|null|undefined} form */
export const functionName = (fn, form) => inForm(`function.${fn}`, form);
