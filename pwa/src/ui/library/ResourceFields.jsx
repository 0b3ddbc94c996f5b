/**
 * The fields of a good practice, shared by "Dodaj praktykę", its edit and
 * "Dodaj do dobrych praktyk" under a post: title, description, tags (comma
 * separated), school level and subject.
 */
import { t } from '../i18n.js';
import { Field, valueOf } from '../forms.jsx';
import { LEVELS, itemLimits, limits } from '../../sync/index.js';

export { LEVELS };
const TITLE = limits('resource.create', 'title');
const SUBJECT = limits('resource.create', 'subject');
const DESCRIPTION = limits('resource.create', 'description');
const TAGS = limits('resource.create', 'tags');
const TAG = itemLimits('resource.create', 'tags');

/** @typedef {{title: string, description: string, tags: string, school_level: string, subject: string, url?: string, kind?: string}} ResourceDraft */

/** Tags as she typed them ("ułamki, klasa 4") → a list. @param {string} text */
const tagList = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * The arguments of a mutation from the draft.
 * @param {ResourceDraft} v
 */
export const resourceArgs = (v) => ({
  title: v.title.trim(),
  description: v.description.trim(),
  tags: tagList(v.tags),
  school_level: v.school_level || null,
  subject: v.subject.trim(),
});

/**
 * @param {{v: ResourceDraft, set: (field: string, value: string) => void, errors: Record<string, string>,
 *   prefix: string, descriptionHint?: string}} props
 */
export function ResourceFields({ v, set, errors, prefix, descriptionHint }) {
  return (
    <>
      <Field id={`${prefix}-title`} label={t('library.title')} error={errors.title} limits={TITLE}>
        <input id={`${prefix}-title`} type="text" maxLength={TITLE.max} value={v.title} data-testid="resource-title"
          onInput={(e) => set('title', valueOf(e))} />
      </Field>
      <Field id={`${prefix}-desc`} label={t('library.description')} hint={descriptionHint} error={errors.description} limits={DESCRIPTION}>
        <textarea id={`${prefix}-desc`} rows={4} value={v.description} data-testid="resource-description"
          onInput={(e) => set('description', valueOf(e))} />
      </Field>
      <Field id={`${prefix}-level`} label={t('library.level')} error={errors.school_level}>
        <select id={`${prefix}-level`} value={v.school_level} data-testid="resource-level"
          onChange={(e) => set('school_level', valueOf(e))}>
          <option value="">{t('library.levelAny')}</option>
          {LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
        </select>
      </Field>
      <Field id={`${prefix}-subject`} label={t('library.subject')} error={errors.subject} limits={SUBJECT}>
        <input id={`${prefix}-subject`} type="text" maxLength={SUBJECT.max} value={v.subject} data-testid="resource-subject"
          onInput={(e) => set('subject', valueOf(e))} />
      </Field>
      <Field id={`${prefix}-tags`} label={t('library.tags')} hint={t('library.tagsHint')} error={errors.tags} limits={errors.tags?.startsWith('item_') ? TAG : TAGS}>
        <input id={`${prefix}-tags`} type="text" value={v.tags} data-testid="resource-tags"
          onInput={(e) => set('tags', valueOf(e))} />
      </Field>
    </>
  );
}
