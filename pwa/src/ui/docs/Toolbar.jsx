/**
 * The editor's buttons: headings, bold, italics, lists, a link, undo and redo. Each is a
 * thumb-sized target (44 px and more); they wrap onto a second row on a narrow phone and stay
 * above the text while she types (sticky), so the on-screen keyboard never hides them.
 * A button does not take the focus from the text: the keyboard stays open.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { commands, linkAt, setLink } from './editor.js';
import { w } from './words.js';

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
    <div class="doc-tools" role="toolbar" aria-label={w('doc.toolbar')} data-testid="doc-toolbar">
      <div class="doc-tools-row">
        {BUTTONS.map(([name, face]) => (
          <button key={name} type="button" class={`doc-tool doc-tool-${name}`} aria-pressed={active[name]} title={w(`doc.${name}`)}
            aria-label={w(`doc.${name}`)} data-testid={`doc-${name}`} onMouseDown={keepFocus} onClick={() => run(name)}>
            {face}
          </button>
        ))}
        <button type="button" class="doc-tool" aria-pressed={active.link} aria-label={w('doc.link')} title={w('doc.link')}
          data-testid="doc-link" onMouseDown={keepFocus} onClick={() => { setBad(false); setLinking(linking === null ? linkAt(view.state) : null); }}>
          <span aria-hidden="true">🔗</span>
        </button>
        <button type="button" class="doc-tool" aria-label={w('doc.undo')} title={w('doc.undo')} data-testid="doc-undo"
          onMouseDown={keepFocus} onClick={() => run('undo')}>↶</button>
        <button type="button" class="doc-tool" aria-label={w('doc.redo')} title={w('doc.redo')} data-testid="doc-redo"
          onMouseDown={keepFocus} onClick={() => run('redo')}>↷</button>
      </div>
      {linking !== null && (
        <form class="doc-link-form" onSubmit={(e) => { e.preventDefault(); link(linking); }}>
          <label class="field">
            <span class="field-label">{w('doc.linkAddress')}</span>
            <input type="text" inputMode="url" autocomplete="off" autocapitalize="off" spellcheck={false} value={linking}
              aria-invalid={bad} data-testid="doc-link-input" onInput={(e) => { setBad(false); setLinking(e.currentTarget.value); }}
              ref={input} />
          </label>
          {bad && <p class="field-error" role="alert">{w('doc.linkBad')}</p>}
          <div class="doc-link-actions">
            <button type="submit" class="btn-primary" data-testid="doc-link-set">{w('doc.linkSet')}</button>
            {active.link && <button type="button" class="btn-secondary" data-testid="doc-link-remove" onClick={() => link('')}>{w('doc.linkRemove')}</button>}
            <button type="button" class="btn-secondary" onClick={() => { setLinking(null); view.focus(); }}>{w('doc.linkCancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
