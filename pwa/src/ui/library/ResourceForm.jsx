/**
 * "Dodaj praktykę" (and its edit): a file practice with its files, or a link.
 * A new one is a draft on the device while she types.
 */
import { useState } from 'preact/hooks';
import { createResource, updateResource } from '../../sync/index.js';
import { useDraft, go } from '../hooks.js';
import { t } from '../i18n.js';
import { Choice, Field, FieldError, refusal, valueOf } from '../forms.jsx';
import { FilePicker } from '../forum/FilePicker.jsx';
import { ResourceFields, resourceArgs } from './ResourceFields.jsx';

/** @typedef {import('./ResourceFields.jsx').ResourceDraft} ResourceDraft */

const EMPTY = { kind: 'file', title: '', description: '', tags: '', school_level: '', subject: '', url: '' };

/** @param {{networkId: string, onDone: () => void, resource?: Record<string, any>}} props */
export function ResourceForm({ networkId, onDone, resource }) {
  const start = resource
    ? { ...resource, tags: (resource.tags || []).join(', '), school_level: resource.school_level || '', url: resource.url || '' }
    : EMPTY;
  const [saved, setSaved, clear] = useDraft(resource ? `resource-edit:${resource.id}` : `resource-new:${networkId}`, JSON.stringify(start));
  /** @type {ResourceDraft & {kind: string, url: string}} */
  const v = { ...start, ...safeParse(saved) };
  const set = (/** @type {string} */ field, /** @type {string} */ value) => setSaved(JSON.stringify({ ...v, [field]: value }));
  const [files, setFiles] = useState(/** @type {import('../../store/files.js').Picked[]} */ ([]));
  const [errors, setErrors] = useState(/** @type {Record<string, string>} */ ({}));

  /** @param {Event} e */
  const submit = async (e) => {
    e.preventDefault();
    const args = { ...resourceArgs(v), ...(v.kind === 'link' ? { url: v.url.trim() } : {}) };
    setErrors({});
    let id;
    try {
      if (resource) await updateResource(resource.id, args);
      else id = await createResource({ networkId, kind: /** @type {'file'|'link'} */ (v.kind), ...args, files });
    } catch (err) {
      return setErrors(refusal(err));
    }
    clear();
    onDone();
    if (id) go(`#/r/${id}`);
  };

  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="resource-form">
      <h2 class="form-title">{resource ? t('library.edit') : t('library.add')}</h2>
      {!resource && (
        <Choice name="kind" label={t('library.kind')} value={v.kind} onValue={(k) => set('kind', k)} testid="resource-kind"
          options={[{ value: 'file', label: t('library.kindFile'), hint: t('library.kindFileHint') },
            { value: 'link', label: t('library.kindLink'), hint: t('library.kindLinkHint') }]} />
      )}
      <ResourceFields v={v} set={set} errors={errors} prefix="res" />
      {v.kind === 'link' && (
        <Field id="res-url" label={t('library.url')} error={errors.url}>
          <input id="res-url" type="text" inputMode="url" autoCapitalize="off" spellcheck={false} value={v.url} placeholder="https://" data-testid="resource-url"
            onInput={(e) => set('url', valueOf(e))} />
        </Field>
      )}
      {v.kind === 'file' && !resource && <FilePicker id="res-files" files={files} onFiles={setFiles} />}
      <FieldError error={errors.form} />
      <div class="row">
        <button type="submit" class="btn-primary" data-testid="resource-save">{resource ? t('thread.save') : t('library.save')}</button>
        <button type="button" class="btn-secondary" onClick={() => { clear(); onDone(); }}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

/** @param {string} text */
function safeParse(text) {
  try {
    return JSON.parse(text) || {};
  } catch {
    return {};
  }
}
