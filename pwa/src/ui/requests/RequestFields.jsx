/**
 * The fields of a request for a network, shared by the signed-in form and the
 * public one: name, kind, topic, justification, recruitment, expected members.
 */
import { t } from '../i18n.js';
import { Choice, Field, valueOf, wholeNumber } from '../forms.jsx';
import { NAME, TOPIC, JUSTIFICATION, MEMBERS } from '../../sync/index.js';

/** @typedef {{name: string, kind: string, topic: string, justification: string,
 *   recruitment: string, expected_members: string}} RequestValues */

/** @type {RequestValues} */
export const EMPTY_REQUEST = { name: '', kind: '', topic: '', justification: '', recruitment: '', expected_members: '' };

/** The request as the mutation takes it. @param {RequestValues} v */
export const requestArgs = (v) => ({
  name: v.name.trim(),
  kind: v.kind,
  topic: v.topic.trim(),
  justification: v.justification.trim(),
  recruitment: v.recruitment,
  expected_members: wholeNumber(v.expected_members),
});

/** Open or closed recruitment, each with what it means. */
export const recruitmentOptions = () => [
  { value: 'open', label: t('ask.open'), hint: t('ask.openHint') },
  { value: 'closed', label: t('ask.closed'), hint: t('ask.closedHint') },
];

/**
 * @param {{values: RequestValues, errors: Record<string, any>,
 *   set: (field: keyof RequestValues, value: any) => void}} props
 */
export function RequestFields({ values, errors, set }) {
  return (
    <>
      <Field id="rq-name" label={t('ask.name')} error={errors.name} limits={NAME}>
        <input id="rq-name" type="text" maxLength={NAME.max} value={values.name}
          placeholder={t('ask.namePlaceholder')} onInput={(e) => set('name', valueOf(e))} data-testid="rq-name" />
      </Field>
      <Choice
        name="rq-kind"
        label={t('ask.kind')}
        value={values.kind}
        error={errors.kind}
        testid="rq-kind"
        onValue={(v) => set('kind', v)}
        options={[
          { value: 'subject', label: t('ask.kindSubject'), hint: t('ask.kindSubjectHint') },
          { value: 'problem', label: t('ask.kindProblem'), hint: t('ask.kindProblemHint') },
        ]}
      />
      <Field id="rq-topic" label={t('ask.topic')} error={errors.topic} limits={TOPIC}>
        <input id="rq-topic" type="text" maxLength={TOPIC.max} value={values.topic}
          placeholder={t('ask.topicPlaceholder')} onInput={(e) => set('topic', valueOf(e))} data-testid="rq-topic" />
      </Field>
      <Field id="rq-why" label={t('ask.justification')} hint={t('ask.justificationHint')}
        error={errors.justification} limits={JUSTIFICATION}>
        <textarea id="rq-why" rows={5} maxLength={JUSTIFICATION.max} value={values.justification}
          onInput={(e) => set('justification', valueOf(e))} data-testid="rq-justification" />
      </Field>
      <Choice
        name="rq-recruitment"
        label={t('ask.recruitment')}
        value={values.recruitment}
        error={errors.recruitment}
        testid="rq-recruitment"
        onValue={(v) => set('recruitment', v)}
        options={recruitmentOptions()}
      />
      <Field id="rq-expected" label={t('ask.expected')} error={errors.expected_members} limits={MEMBERS}>
        <input id="rq-expected" type="text" inputMode="numeric" pattern="[0-9]*" class="short"
          value={values.expected_members} onInput={(e) => set('expected_members', valueOf(e))}
          data-testid="rq-expected" />
      </Field>
    </>
  );
}
