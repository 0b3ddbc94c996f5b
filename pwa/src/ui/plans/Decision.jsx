/**
 * The Poradnia's decision on a plan sent for approval: approve it, or return it
 * with a comment saying what to change (required). Only for staff with the
 * right, and never on a network she coordinates herself.
 */
import { useState } from 'preact/hooks';
import { approvePlan, returnPlan } from '../../sync/plans/index.js';
import { t } from '../i18n.js';
import { Field, FieldError, valueOf } from '../forms.jsx';
import { refusedText } from './planning.js';

/** @param {{version: Record<string, any>}} props */
export function Decision({ version }) {
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState(/** @type {Record<string, any>} */ ({}));
  const [busy, setBusy] = useState(false);
  const decide = async (/** @type {(id: string, c: string) => Promise<void>} */ write) => {
    setErrors({});
    setBusy(true);
    try {
      await write(version.id, comment);
      setComment('');
    } catch (err) {
      setErrors(/** @type {any} */ (err)?.fields || { form: refusedText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card plan-decision" data-testid="plan-decision">
      <h2>{t('plans.decide')}</h2>
      <Field id="plan-comment" label={t('plans.decisionComment')} hint={t('plans.decisionHint')} error={errors.comment}
        limits={{ min: 1, max: 2000 }}>
        <textarea id="plan-comment" rows={3} value={comment} onInput={(e) => { setComment(valueOf(e)); setErrors({}); }} data-testid="plan-comment" />
      </Field>
      <FieldError error={errors.form} />
      <div class="row">
        <button type="button" class="btn-primary" disabled={busy} onClick={() => decide(approvePlan)} data-testid="plan-approve">
          {t('plans.approve')}
        </button>
        <button type="button" class="btn-secondary" disabled={busy} onClick={() => decide(returnPlan)} data-testid="plan-return">
          {t('plans.return')}
        </button>
      </div>
    </section>
  );
}
