/**
 * A text area that suggests the network's members after "@": a tap puts
 * "@Imię Nazwisko" into the text. Who is mentioned is read from the text when
 * it is sent (mentionsIn), so a draft restored after a reload keeps them too.
 */
import { useState } from 'preact/hooks';
import { fold } from '../../store/folding.js';
import { t } from '../i18n.js';

/** @typedef {Record<string, any>} Member a membership with the person's `name` (store.membersOf) */

const AT_WORD = /(?:^|\s)@([^\s@]{0,30})$/u;
const MAX_SUGGESTIONS = 5;

/**
 * Ids of the members whose "@Name" stands in the text.
 * @param {string} text @param {Member[]} members
 */
export function mentionsIn(text, members) {
  return [...new Set(members.filter((m) => m.name && text.includes(`@${m.name}`)).map((m) => m.user_id))];
}

/**
 * @param {{id: string, value: string, onValue: (v: string) => void, members: Member[], rows?: number,
 *   placeholder?: string, label?: string, testid: string, inputRef?: {current: HTMLTextAreaElement|null}}} props
 */
export function MentionBox({ id, value, onValue, members, rows = 4, placeholder, label, testid, inputRef }) {
  const [caret, setCaret] = useState(-1);
  const before = caret >= 0 ? value.slice(0, caret) : '';
  const typed = caret >= 0 ? AT_WORD.exec(before) : null;
  const query = typed ? fold(typed[1]) : null;
  const suggestions =
    query === null ? [] : members.filter((m) => fold(m.name).split(/\s+/).some((w) => w.startsWith(query)) || fold(m.name).startsWith(query)).slice(0, MAX_SUGGESTIONS);

  /** @param {Member} m */
  const choose = (m) => {
    if (!typed) return;
    const start = caret - typed[1].length - 1;
    const next = `${value.slice(0, start)}@${m.name} ${value.slice(caret)}`;
    onValue(next);
    setCaret(-1);
    const box = inputRef?.current || /** @type {HTMLTextAreaElement|null} */ (document.getElementById(id));
    const at = start + m.name.length + 2;
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(at, at);
    });
  };

  /** @param {Event} e */
  const track = (e) => setCaret(/** @type {HTMLTextAreaElement} */ (e.currentTarget).selectionStart ?? -1);

  return (
    <div class="mention-box">
      <textarea id={id} ref={inputRef} rows={rows} placeholder={placeholder} value={value} aria-label={label}
        onInput={(e) => {
          onValue(/** @type {HTMLTextAreaElement} */ (e.currentTarget).value);
          track(e);
        }}
        onClick={track} onKeyUp={track} data-testid={testid} />
      {suggestions.length > 0 && (
        <ul class="suggestions" role="listbox" aria-label={t('forum.mentionWho')} data-testid="mention-suggestions">
          {suggestions.map((m) => (
            <li key={m.user_id}>
              <button type="button" role="option" class="suggestion" data-testid="mention-suggestion"
                onMouseDown={(e) => e.preventDefault()} onClick={() => choose(m)}>
                @{m.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="field-hint">{t('forum.mentionHint')}</p>
    </div>
  );
}
