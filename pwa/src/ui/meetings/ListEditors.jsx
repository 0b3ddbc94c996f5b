/**
 * The lists inside the meeting form: agenda items (time, topic, who leads
 * it) that she adds, removes and moves up or down with buttons a thumb hits,
 * and links to materials (name and address).
 */
import { t } from '../i18n.js';
import { Field, FieldError, valueOf } from '../forms.jsx';
import { MEETING_RULES } from './rules.js';

/** @typedef {{time: string, topic: string, who: string}} ItemDraft */

/**
 * The list with item `i` moved by `by` places (or left as it is at an end).
 * @template T @param {T[]} list @param {number} i @param {number} by
 */
function moved(list, i, by) {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/**
 * @param {{items: ItemDraft[], onItems: (items: ItemDraft[]) => void, error?: any,
 *   itemErrors?: Record<string, string>[]}} props
 */
export function AgendaEditor({ items, onItems, error, itemErrors = [] }) {
  /** @param {number} i @param {keyof ItemDraft} key @param {string} value */
  const change = (i, key, value) => onItems(items.map((it, k) => (k === i ? { ...it, [key]: value } : it)));
  return (
    <fieldset class="field list-editor" data-testid="agenda-editor">
      <legend>{t('meetingForm.agenda')}</legend>
      <p class="field-hint">{t('meetingForm.agendaHint')}</p>
      <ol class="editor-items">
        {items.map((item, i) => {
          const n = i + 1;
          const errs = itemErrors[i] || {};
          return (
            <li key={i} class="editor-item card" data-testid="agenda-row">
              <div class="editor-head">
                <strong>{t('meetingForm.item', { n })}</strong>
                <span class="editor-tools">
                  <button type="button" class="btn-ghost icon-button" disabled={i === 0} aria-label={t('meetingForm.itemUp', { n })}
                    data-testid="agenda-up" onClick={() => onItems(moved(items, i, -1))}>↑</button>
                  <button type="button" class="btn-ghost icon-button" disabled={i === items.length - 1}
                    aria-label={t('meetingForm.itemDown', { n })} data-testid="agenda-down" onClick={() => onItems(moved(items, i, 1))}>↓</button>
                  <button type="button" class="btn-ghost icon-button" aria-label={t('meetingForm.itemRemove', { n })}
                    data-testid="agenda-remove" onClick={() => onItems(items.filter((_, k) => k !== i))}>✕</button>
                </span>
              </div>
              <Field id={`ag-topic-${i}`} label={t('meetingForm.itemTopic')} error={errs.topic} limits={MEETING_RULES.topic}>
                <input id={`ag-topic-${i}`} type="text" value={item.topic} data-testid="agenda-topic"
                  onInput={(e) => change(i, 'topic', valueOf(e))} />
              </Field>
              <div class="agenda-fields">
                <Field id={`ag-time-${i}`} label={t('meetingForm.itemTime')} error={errs.time}>
                  <input id={`ag-time-${i}`} type="time" value={item.time} data-testid="agenda-time"
                    onInput={(e) => change(i, 'time', valueOf(e))} />
                </Field>
                <Field id={`ag-who-${i}`} label={t('meetingForm.itemWho')} error={errs.who} limits={MEETING_RULES.who}>
                  <input id={`ag-who-${i}`} type="text" value={item.who} data-testid="agenda-who"
                    onInput={(e) => change(i, 'who', valueOf(e))} />
                </Field>
              </div>
            </li>
          );
        })}
      </ol>
      {!itemErrors.some((x) => x && Object.keys(x).length) && (
        <FieldError error={error} min={MEETING_RULES.topic.min} max={error === 'too_many' ? MEETING_RULES.agendaMax : MEETING_RULES.topic.max} />
      )}
      {items.length < MEETING_RULES.agendaMax && (
        <button type="button" class="btn-secondary wide" data-testid="agenda-add"
          onClick={() => onItems([...items, { time: '', topic: '', who: '' }])}>+ {t('meetingForm.itemAdd')}</button>
      )}
    </fieldset>
  );
}

/**
 * @param {{links: {title: string, url: string}[], onLinks: (links: {title: string, url: string}[]) => void, error?: any,
 *   itemErrors?: Record<string, string>[]}} props
 */
export function LinksEditor({ links, onLinks, error, itemErrors = [] }) {
  /** @param {number} i @param {'title'|'url'} key @param {string} value */
  const change = (i, key, value) => onLinks(links.map((l, k) => (k === i ? { ...l, [key]: value } : l)));
  return (
    <fieldset class="field list-editor" data-testid="links-editor">
      <legend>{t('meetingForm.links')}</legend>
      <ul class="editor-items">
        {links.map((link, i) => (
          <li key={i} class="editor-item card" data-testid="link-row">
            <div class="editor-head">
              <Field id={`ln-title-${i}`} label={t('meetingForm.linkTitle')} error={itemErrors[i]?.title} limits={MEETING_RULES.linkTitle}>
                <input id={`ln-title-${i}`} type="text" value={link.title} maxLength={MEETING_RULES.linkTitle.max}
                  data-testid="link-title" onInput={(e) => change(i, 'title', valueOf(e))} />
              </Field>
              <button type="button" class="btn-ghost icon-button" aria-label={t('meetingForm.linkRemove', { n: i + 1 })}
                data-testid="link-remove" onClick={() => onLinks(links.filter((_, k) => k !== i))}>✕</button>
            </div>
            <Field id={`ln-url-${i}`} label={t('meetingForm.linkUrl')} error={itemErrors[i]?.url}>
              <input id={`ln-url-${i}`} type="text" inputMode="url" autoCapitalize="off" spellcheck={false} placeholder="https://"
                value={link.url} data-testid="link-url" onInput={(e) => change(i, 'url', valueOf(e))} />
            </Field>
          </li>
        ))}
      </ul>
      {!itemErrors.some((x) => x && Object.keys(x).length) && <FieldError error={error} max={MEETING_RULES.linksMax} />}
      {links.length < MEETING_RULES.linksMax && (
        <button type="button" class="btn-secondary wide" data-testid="link-add"
          onClick={() => onLinks([...links, { title: '', url: '' }])}>+ {t('meetingForm.linkAdd')}</button>
      )}
    </fieldset>
  );
}
