/**
 * A document's named versions: name the present state ("po spotkaniu 12.03"), look at an older
 * one (read only, fetched from the server), and bring one back — as a new change of hers, so
 * nothing written since is lost: it stays in every earlier version, and naming the present
 * state first keeps it at hand.
 */
import { useState } from 'preact/hooks';
import { DOMSerializer } from 'prosemirror-model';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { versionsOf } from '../../store/docVersions.js';
import { fetchVersion, nameVersion } from '../../sync/docs/versions.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { CONTENT, schema } from './schema.js';
import { replaceWith } from './editor.js';
import './words.js';
import { formatDateTime } from '../format.js';


/** @param {{docId: string, view: import('prosemirror-view').EditorView, canEdit: boolean}} props */
export function History({ docId, view, canEdit }) {
  const versions = useQuery(() => versionsOf(docId), [docId]) || [];
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [shown, setShown] = useState(/** @type {{id: string, doc: Y.Doc} | null} */ (null));
  const [done, setDone] = useState('');

  const save = async (/** @type {Event} */ e) => {
    e.preventDefault();
    setError('');
    if (!name.trim()) return setError(t('doc.versionNameNeeded'));
    try {
      await nameVersion(docId, name.trim());
      setName('');
      setDone(t('doc.versionSaved'));
    } catch (err) {
      setError(t('doc.versionFailed'));
    }
  };
  /** @param {string} id */
  const show = async (id) => {
    setError('');
    setDone('');
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await fetchVersion(docId, id));
      setShown({ id, doc });
    } catch {
      setError(t('doc.versionOffline'));
    }
  };
  const restore = () => {
    if (!shown) return;
    replaceWith(view, shown.doc);
    setShown(null);
    setDone(t('doc.versionRestored'));
  };

  return (
    <details class="doc-history" data-testid="doc-history">
      <summary>{t('doc.history')} ({versions.length})</summary>
      {canEdit && (
        <form class="doc-version-form" onSubmit={save}>
          <label class="field">
            <span class="field-label">{t('doc.versionName')}</span>
            <input type="text" maxLength={80} value={name} placeholder={t('doc.versionExample')} data-testid="doc-version-name"
              onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn-secondary" data-testid="doc-version-save">{t('doc.versionSave')}</button>
        </form>
      )}
      {error && <p class="field-error" role="alert">{error}</p>}
      {done && <p class="ok" role="status" data-testid="doc-version-done">{done}</p>}
      {versions.length === 0 ? <p class="muted">{t('doc.versionsNone')}</p> : (
        <ul class="doc-versions">
          {versions.map((v) => (
            <li key={v.id} class="doc-version" data-testid="doc-version">
              <span><strong>{v.name}</strong> <span class="muted">{formatDateTime(v.created_at)}{v.pending ? ` · ${t('doc.versionWaiting')}` : ''}</span></span>
              {!v.pending && (
                <button type="button" class="btn-secondary" data-testid="doc-version-show" onClick={() => show(v.id)}>{t('doc.versionShow')}</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {shown && (
        <section class="doc-old" data-testid="doc-version-view" aria-label={t('doc.versionOld')}>
          <p class="notice">{t('doc.versionOld')}</p>
          <div class="doc-editor doc-text" ref={(el) => { if (el) draw(el, shown.doc); }} />
          <div class="doc-link-actions">
            {canEdit && <button type="button" class="btn-primary" data-testid="doc-version-restore" onClick={restore}>{t('doc.versionRestore')}</button>}
            <button type="button" class="btn-secondary" onClick={() => setShown(null)}>{t('doc.versionClose')}</button>
          </div>
        </section>
      )}
    </details>
  );
}

/** An older version's text, drawn read-only. @param {HTMLElement} el @param {Y.Doc} doc */
function draw(el, doc) {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CONTENT), schema);
  el.replaceChildren(DOMSerializer.fromSchema(schema).serializeFragment(node.content));
}
