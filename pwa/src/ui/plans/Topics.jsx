/**
 * The plan's topics, each of which may cite a survey of the network (and one
 * of its questions): the citation links to the survey's results. In a draft
 * she writes, topics are added and removed (`plan.update` with the list).
 */
import { useState } from 'preact/hooks';
import { addPlanTopic, updatePlan } from '../../sync/plans/index.js';
import { t } from '../i18n.js';
import { PlainText } from '../bits.jsx';
import { Field, FieldError, valueOf } from '../forms.jsx';
import { refusedText } from './planning.js';

/**
 * @param {{version: Record<string, any>, surveys: Record<string, any>[], editable: boolean, readsResults: boolean}} props
 */
export function Topics({ version, surveys, editable, readsResults }) {
  const topics = version.topics || [];
  const byId = new Map(surveys.map((s) => [s.id, s]));
  const remove = (/** @type {string} */ id) =>
    updatePlan(version.id, { topics: topics.filter((/** @type {any} */ x) => x.id !== id) }).catch(console.error);
  return (
    <section class="card plan-section" data-testid="plan-topics">
      <h2>{t('plans.topics')}</h2>
      {!topics.length && <p class="muted">{t('plans.topicsNone')}</p>}
      <ol class="plan-topics">
        {topics.map((/** @type {any} */ x) => {
          const s = x.survey_id ? byId.get(x.survey_id) : null;
          const q = s && x.question_id ? (s.questions || []).find((/** @type {any} */ y) => y.id === x.question_id) : null;
          return (
            <li key={x.id} data-testid="plan-topic">
              <strong>{x.title}</strong>
              {x.description && <PlainText text={x.description} />}
              {x.survey_id && (
                <p class="small muted plan-cite" data-testid="plan-topic-cite">
                  {t('plans.cited', { survey: s ? s.title + (q ? ` — „${q.text}”` : '') : '…' })}
                  {readsResults && s && <> · <a href={`#/s/${s.id}/results`}>{t('plans.citedResults')}</a></>}
                </p>
              )}
              {editable && (
                <button type="button" class="btn-link danger small" onClick={() => remove(x.id)}>{t('plans.topicRemove')}</button>
              )}
            </li>
          );
        })}
      </ol>
      {editable && <TopicForm version={version} surveys={surveys} />}
    </section>
  );
}

/** @param {{version: Record<string, any>, surveys: Record<string, any>[]}} props */
function TopicForm({ version, surveys }) {
  const held = /** @type {{id: string, topics?: any[]}} */ (version);
  const empty = { title: '', description: '', survey_id: '', question_id: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState(/** @type {Record<string, any>} */ ({}));
  const chosen = surveys.find((s) => s.id === v.survey_id);
  const set = (/** @type {string} */ k, /** @type {string} */ value) =>
    setV({ ...v, [k]: value, ...(k === 'survey_id' ? { question_id: '' } : {}) });
  const topics = version.topics || [];
  const add = async (/** @type {Event} */ e) => {
    e.preventDefault();
    setErrors({});
    try {
      await addPlanTopic(held, { title: v.title, description: v.description, survey_id: v.survey_id || null,
        question_id: v.question_id || null });
      setV(empty);
    } catch (err) {
      const fields = /** @type {any} */ (err)?.fields || {};
      const at = `topics.${topics.length}.`;
      /** @type {Record<string, any>} */
      const mine = {};
      for (const [k, code] of Object.entries(fields)) mine[k.startsWith(at) ? k.slice(at.length) : 'form'] = code;
      setErrors(Object.keys(mine).length ? mine : { form: refusedText(err) });
    }
  };
  return (
    <form class="form plan-add" onSubmit={add} data-testid="plan-topic-form">
      <Field id="topic-title" label={t('plans.topicTitle')} error={errors.title} limits={{ max: 300 }}>
        <input id="topic-title" type="text" value={v.title} onInput={(e) => set('title', valueOf(e))} data-testid="plan-topic-title" />
      </Field>
      <Field id="topic-description" label={t('plans.topicDescription')} error={errors.description}>
        <textarea id="topic-description" rows={3} value={v.description} onInput={(e) => set('description', valueOf(e))}
          data-testid="plan-topic-description" />
      </Field>
      {surveys.length > 0 && (
        <Field id="topic-survey" label={t('plans.cite')} error={errors.survey_id}>
          <select id="topic-survey" value={v.survey_id} onChange={(e) => set('survey_id', valueOf(e))} data-testid="plan-topic-survey">
            <option value="">{t('plans.citeNone')}</option>
            {surveys.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </select>
        </Field>
      )}
      {chosen && (
        <Field id="topic-question" label={t('plans.citeQuestion')} error={errors.question_id}>
          <select id="topic-question" value={v.question_id} onChange={(e) => set('question_id', valueOf(e))}
            data-testid="plan-topic-question">
            <option value="">{t('plans.citeAll')}</option>
            {(chosen.questions || []).map((/** @type {any} */ q) => <option key={q.id} value={q.id}>{q.text}</option>)}
          </select>
        </Field>
      )}
      <FieldError error={errors.form} />
      <button type="submit" class="btn-secondary" data-testid="plan-topic-add">+ {t('plans.topicAdd')}</button>
    </form>
  );
}
