/**
 * The editor's buttons: headings, bold, italics, lists, a link, undo and redo. Each is a
 * thumb-sized target (44 px and more); they wrap onto a second row on a narrow phone and stay
 * above the text while she types (sticky), so the on-screen keyboard never hides them.
 * A button does not take the focus from the text: the keyboard stays open.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { commands, linkAt, setLink } from './editor.js';
import { t } from '../i18n.js';
import './words.js';

/** @typedef {ReturnType<typeof import('./editor.js').activeMarks>} Active */

const BUTTONS = /** @type {const} */ ([
  ['heading', 'H2'],
  ['subheading', 'H3'],
  ['bold', 'B'],
  ['italic', 'I'],
  ['bulletList', '•≡'],
  ['orderedList', '1.'],
]);

/** Keep the focus (and the phone's keyboard) in the text. @param {Event} e */
const keepFocus = (e) => e.preventDefault();

/** @param {{view: import('prosemirror-view').EditorView, active: Active}} props */
export function Toolbar({ view, active }) {
  const [linking, setLinking] = useState(/** @type {string | null} */ (null));
  const [bad, setBad] = useState(false);
  const input = useRef(/** @type {HTMLInputElement | null} */ (null));
  useEffect(() => { if (linking !== null) input.current?.focus(); }, [linking !== null]);
  /** @param {keyof typeof commands} name */
  const run = (name) => {
    commands[name](view.state, view.dispatch, view);
    view.focus();
  };
  /** @param {string} address */
  const link = (address) => {
    if (!setLink(view, address)) return setBad(true);
    setLinking(null);
    setBad(false);
    view.focus();
  };
  return (
    <div class="doc-tools" role="toolbar" aria-label={t('doc.toolbar')} data-testid="doc-toolbar">
      <div class="doc-tools-row">
        {BUTTONS.map(([name, face]) => (
          <button key={name} type="button" class={`doc-tool doc-tool-${name}`} aria-pressed={active[name]} title={t(`doc.${name}`)}
            aria-label={t(`doc.${name}`)} data-testid={`doc-${name}`} onMouseDown={keepFocus} onClick={() => run(name)}>
            {face}
          </button>
        ))}
        <button type="button" class="doc-tool" aria-pressed={active.link} aria-label={t('doc.link')} title={t('doc.link')}
          data-testid="doc-link" onMouseDown={keepFocus} onClick={() => { setBad(false); setLinking(linking === null ? linkAt(view.state) : null); }}>
          <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.2"
            stroke-linecap="round" stroke-linejoin="round">
            <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
            <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
          </svg>
        </button>
        <button type="button" class="doc-tool" aria-label={t('doc.undo')} title={t('doc.undo')} data-testid="doc-undo"
          onMouseDown={keepFocus} onClick={() => run('undo')}>↶</button>
        <button type="button" class="doc-tool" aria-label={t('doc.redo')} title={t('doc.redo')} data-testid="doc-redo"
          onMouseDown={keepFocus} onClick={() => run('redo')}>↷</button>
      </div>
      {linking !== null && (
        <form class="doc-link-form" onSubmit={(e) => { e.preventDefault(); link(linking); }}>
          <label class="field">
            <span class="field-label">{t('doc.linkAddress')}</span>
            <input type="text" inputMode="url" autocomplete="off" autocapitalize="off" spellcheck={false} value={linking}
              aria-invalid={bad} data-testid="doc-link-input" onInput={(e) => { setBad(false); setLinking(e.currentTarget.value); }}
              ref={input} />
          </label>
          {bad && <p class="field-error" role="alert">{t('doc.linkBad')}</p>}
          <div class="doc-link-actions">
            <button type="submit" class="btn-primary" data-testid="doc-link-set">{t('doc.linkSet')}</button>
            {active.link && <button type="button" class="btn-secondary" data-testid="doc-link-remove" onClick={() => link('')}>{t('doc.linkRemove')}</button>}
            <button type="button" class="btn-secondary" onClick={() => { setLinking(null); view.focus(); }}>{t('doc.linkCancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
