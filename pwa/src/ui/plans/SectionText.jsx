/**
 * One narrative section of the plan (goals, outcomes, evaluation): its text
 * as written, or, in a draft she writes, a field kept as a draft on the
 * device while she types (the draft stays: it is what was saved) and saved with `plan.update`.
 * The year's conclusions the same way, saved with `plan.conclude` in any version in force.
 */
import { concludePlan, updatePlan } from '../../sync/plans/index.js';
import { useDraft } from '../hooks.js';
import { t } from '../i18n.js';
import { PlainText } from '../bits.jsx';
import { FieldError } from '../forms.jsx';
import { useState } from 'preact/hooks';
import { refusedText } from './planning.js';

/**
 * @param {{version: Record<string, any>, name: string, editable: boolean}} props
 */
export function SectionText({ version, name, editable }) {
  const text = version.sections?.[name] || '';
  const id = `plan-${name}`;
  return (
    <section class="card plan-section" data-testid={`plan-section-${name}`}>
      <h2><label for={id}>{t(`plans.section.${name}`)}</label></h2>
      {editable ? (
        <Editor key={version.id} version={version} name={name} text={text} id={id} />
      ) : text ? (
        <PlainText text={text} testid={`plan-text-${name}`} />
      ) : (
        <p class="muted">{t('plans.empty')}</p>
      )}
    </section>
  );
}

/** @param {string} versionId @param {string} name @param {string} value */
const write = (versionId, name, value) =>
  name === 'conclusions' ? concludePlan(versionId, value) : updatePlan(versionId, { sections: { [name]: value } });

/** @param {{version: Record<string, any>, name: string, text: string, id: string}} props */
function Editor({ version, name, text, id }) {
  const [value, setValue] = useDraft(`plan:${version.id}:${name}`, text);
  const [error, setError] = useState(/** @type {any} */ (null));
  const [saved, setSaved] = useState(false);
  const save = async (/** @type {Event} */ e) => {
    e.preventDefault();
    setError(null);
    try {
      await write(version.id, name, value);
      setSaved(true);
    } catch (err) {
      const fields = /** @type {any} */ (err)?.fields;
      setError(fields ? fields[`sections.${name}`] || fields[name] || Object.values(fields)[0] : refusedText(err));
    }
  };
  return (
    <form class="form" onSubmit={save}>
      <p class="field-hint">{t(`plans.hint.${name}`)}</p>
      <textarea id={id} rows={5} value={value} data-testid={`plan-input-${name}`}
        onInput={(e) => { setValue(/** @type {HTMLTextAreaElement} */ (e.currentTarget).value); setSaved(false); }} />
      <FieldError error={error} max={10000} />
      <div class="row">
        <button type="submit" class="btn-secondary" data-testid={`plan-save-${name}`}>{t('plans.save')}</button>
        {saved && <span class="ok" role="status">{t('plans.saved')}</span>}
      </div>
    </form>
  );
}
