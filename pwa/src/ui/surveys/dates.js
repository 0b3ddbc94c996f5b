/** A survey's dates as the screens say them, on Warsaw's clock; its refusals in words. */
import { MutationError } from '../../sync/index.js';
import { t } from '../i18n.js';
import { dateFormat } from '../format.js';

/** '24 stycznia, 20:00' ('24 January, 20:00' in English), on Warsaw's clock. @param {string} iso */
export const surveyDate = (iso) =>
  dateFormat('survey', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** @param {Record<string, any>} s a survey with its `state` */
export const stateText = (s) =>
  t(`surveys.state.${s.state}`, { date: surveyDate(s.state === 'coming' ? s.opens_at : s.closes_at) });

/** @param {unknown} err */
export function refusedText(err) {
  if (err instanceof MutationError) {
    const key = `surveys.refused.${err.code}`;
    const words = t(key);
    return words === key ? t('surveys.refused.invalid') : words;
  }
  return t('write.failed', { message: String(err) });
}
