/** One question in the builder: its kind, words, options (one per line) and whether it is required. */
import { t } from '../i18n.js';
import { FieldError, valueOf } from '../forms.jsx';
import { uuid } from '../../sync/uuid.js';

/** @typedef {{id: string, kind: string, text: string, optionsText: string, required: boolean}} QuestionDraft */

const KINDS = ['single', 'multiple', 'scale', 'text'];

/** @returns {QuestionDraft} */
export const newQuestion = () => ({ id: uuid(), kind: 'single', text: '', optionsText: '', required: false });

/**
 * @param {{index: number, question: QuestionDraft, errors?: Record<string, any>, onChange: (q: QuestionDraft) => void,
 *   onRemove?: () => void, onUp?: () => void}} props
 */
export function QuestionEditor({ index, question: q, errors = {}, onChange, onRemove, onUp }) {
  const choices = q.kind === 'single' || q.kind === 'multiple';
  const id = `q-${q.id}`;
  return (
    <fieldset class="field question-editor" data-testid="survey-question">
      <legend>{t('surveyForm.question', { n: index + 1 })}</legend>
      <label for={`${id}-text`}>{t('surveyForm.text')}</label>
      <textarea id={`${id}-text`} rows={3} value={q.text} data-testid="survey-question-text"
        onInput={(ev) => onChange({ ...q, text: valueOf(ev) })} />
      <FieldError error={errors.text} min={1} max={500} />
      <label for={`${id}-kind`}>{t('surveyForm.kind')}</label>
      <select id={`${id}-kind`} value={q.kind} data-testid="survey-question-kind"
        onChange={(ev) => onChange({ ...q, kind: /** @type {HTMLSelectElement} */ (ev.currentTarget).value })}>
        {KINDS.map((k) => <option key={k} value={k}>{t(`surveyForm.kind.${k}`)}</option>)}
      </select>
      {choices && (
        <>
          <label for={`${id}-options`}>{t('surveyForm.options')}</label>
          <textarea id={`${id}-options`} rows={5} value={q.optionsText} data-testid="survey-question-options"
            onInput={(ev) => onChange({ ...q, optionsText: valueOf(ev) })} />
          <FieldError error={errors.options} testid="survey-question-options-error" />
        </>
      )}
      <div class="question-tools">
        <label class="check">
          <input type="checkbox" checked={q.required} data-testid="survey-question-required"
            onChange={(ev) => onChange({ ...q, required: /** @type {HTMLInputElement} */ (ev.currentTarget).checked })} />
          {t('surveyForm.required')}
        </label>
        {onUp && <button type="button" class="btn-link" onClick={onUp}>{t('surveyForm.up')}</button>}
        {onRemove && <button type="button" class="btn-link danger" data-testid="survey-question-remove" onClick={onRemove}>{t('surveyForm.remove')}</button>}
      </div>
    </fieldset>
  );
}
