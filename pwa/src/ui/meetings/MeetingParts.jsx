/**
 * Pieces the meeting's screens share: the agenda as an ordered list (time,
 * topic, who leads it) and the materials (links, then files).
 */
import { t } from '../i18n.js';
import { AttachmentList } from '../forum/Attachments.jsx';
import { Icon } from '../forum/Icon.jsx';

/** @param {{agenda: {time: string|null, topic: string, who: string}[]}} props */
export function Agenda({ agenda }) {
  if (!agenda.length) return <p class="muted" data-testid="agenda-empty">{t('meetings.agendaEmpty')}</p>;
  const timed = agenda.some((item) => item.time); // a column of times only when there are any
  return (
    <ol class="agenda" data-testid="agenda">
      {agenda.map((item, i) => (
        <li key={i} class="agenda-item" data-testid="agenda-item">
          {timed && <span class="agenda-time">{item.time || ''}</span>}
          <span class="agenda-text">
            <span class="agenda-topic">{item.topic}</span>
            {item.who && <span class="item-meta"> — {item.who}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * @param {{meeting: Record<string, any>, attachments: Record<string, any>[], local: Set<string>,
 *   onRemove?: (id: string) => void}} props
 */
export function Materials({ meeting, attachments, local, onRemove }) {
  const links = meeting.links || [];
  if (!links.length && !attachments.length) return <p class="muted" data-testid="materials-empty">{t('meetings.noMaterials')}</p>;
  return (
    <div data-testid="materials">
      {links.length > 0 && (
        <ul class="files">
          {links.map((/** @type {{title: string, url: string}} */ l, /** @type {number} */ i) => (
            <li key={i} class="file" data-testid="material-link">
              <span class="file-icon"><Icon name="link" size={26} /></span>
              <span class="file-text"><a href={l.url} target="_blank" rel="noopener">{l.title || l.url}</a></span>
            </li>
          ))}
        </ul>
      )}
      <AttachmentList attachments={attachments} local={local} onRemove={onRemove} />
    </div>
  );
}
