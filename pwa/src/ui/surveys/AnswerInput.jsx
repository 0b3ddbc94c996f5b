/** The control for one question: radios, tick boxes, five big buttons of the scale, or a text area. */
import { t } from '../i18n.js';
import { valueOf } from '../forms.jsx';
import { SURVEY_LIMITS } from '../../sync/index.js';

/** @param {{question: Record<string, any>, value: any, onValue: (v: any) => void}} props */
export function AnswerInput({ question: q, value, onValue }) {
  const name = `a-${q.id}`;
  if (q.kind === 'single' || q.kind === 'multiple') {
    const many = q.kind === 'multiple';
    const chosen = many ? (Array.isArray(value) ? value : []) : value;
    return (
      <div class="options">
        {many && <p class="field-hint">{t('surveys.pickMany')}</p>}
        {q.options.map((/** @type {string} */ o) => (
          <label key={o} class={`option${(many ? chosen.includes(o) : chosen === o) ? ' is-on' : ''}`}>
            <input type={many ? 'checkbox' : 'radio'} name={name} value={o} data-testid="survey-option"
              checked={many ? chosen.includes(o) : chosen === o}
              onChange={() => onValue(many ? (chosen.includes(o) ? chosen.filter((/** @type {string} */ x) => x !== o) : [...chosen, o]) : o)} />
            <span>{o}</span>
          </label>
        ))}
      </div>
    );
  }
  if (q.kind === 'scale') {
    const steps = [];
    for (let n = SURVEY_LIMITS.scale_min; n <= SURVEY_LIMITS.scale_max; n += 1) steps.push(n);
    return (
      <div class="scale" role="radiogroup">
        {steps.map((n) => (
          <button type="button" key={n} role="radio" aria-checked={value === n} class={`scale-step${value === n ? ' is-on' : ''}`}
            data-testid="survey-scale" onClick={() => onValue(n)}>{n}</button>
        ))}
        <span class="scale-ends muted"><span>{t('surveys.scaleLow')}</span><span>{t('surveys.scaleHigh')}</span></span>
      </div>
    );
  }
  return (
    <textarea rows={3} value={value || ''} placeholder={t('surveys.textPlaceholder')} data-testid="survey-text"
      maxLength={SURVEY_LIMITS.text_answer_max} onInput={(ev) => onValue(valueOf(ev))} />
  );
}
