/**
 * What a refused meeting write says to her: the local mutator's code in words
 * (cancelled, past, outside the check-in window…), or the failure as it came.
 */
import { MutationError } from '../../sync/index.js';
import { t } from '../i18n.js';

/** @param {unknown} err */
export function refusedText(err) {
  if (err instanceof MutationError) {
    const key = `meetings.refused.${err.code}`;
    const words = t(key);
    return words === key ? t('meetings.refused.invalid') : words;
  }
  return t('write.failed', { message: String(err) });
}
