/**
 * #/staff/audit — the audit log, for the Poradnia's administrators: sign-ins, passkeys, devices
 * signed out, roles, removals, staff-issued links, certificates revoked, data downloaded and accounts
 * deleted, newest first, by kind and by person, a page at a time (GET /api/audit; online only).
 * With a person chosen, the admin downloads her data or deletes her account on her request (RODO).
 */
import { useEffect, useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { auditPage, deleteAccount, downloadData } from '../../sync/privacy/index.js';
import { useWithUser } from '../hooks.js';
import { addWords, t } from '../i18n.js';
import { BackLink, Confirm, Loading } from '../bits.jsx';
import { Field, valueOf } from '../forms.jsx';
import { formatTime } from '../format.js';
import { saveBlob } from '../download.js';
import { isAdmin } from '../rights.js';
import { OnlyStaff } from './StaffHome.jsx';
import { auditWords } from './auditWords.js';
import './audit.css';

addWords(auditWords);

/** @param {{me: {id: string}}} props */
export function AuditLog({ me }) {
  const data = useWithUser(me.id, async () => ({
    people: (await store.allRows('user')).filter((u) => !u.deleted)
      .sort((a, b) => store.collator.compare(a.name || '', b.name || '')),
  }));
  const [filter, setFilter] = useState({ kind: '', person: '' });
  if (!data) return <main class="page"><Loading /></main>;
  if (!isAdmin(data.user)) return <OnlyStaff />;
  const chosen = data.people.find((p) => p.id === filter.person);
  return (
    <main class="page" data-testid="audit-log">
      <BackLink href="#/staff" label={t('staff.title')} />
      <h1>{t('audit.title')}</h1>
      <div class="audit-filters">
        <Field id="audit-kind" label={t('audit.kind')}>
          <select id="audit-kind" value={filter.kind} data-testid="audit-kind"
            onChange={(e) => setFilter({ ...filter, kind: valueOf(e) })}>
            <option value="">{t('audit.allKinds')}</option>
            {Object.keys(auditWords.pl).filter((k) => k.startsWith('audit.kind.')).map((k) => (
              <option key={k} value={k.slice('audit.kind.'.length)}>{t(k)}</option>
            ))}
          </select>
        </Field>
        <Field id="audit-person" label={t('audit.person')}>
          <select id="audit-person" value={filter.person} data-testid="audit-person"
            onChange={(e) => setFilter({ ...filter, person: valueOf(e) })}>
            <option value="">{t('audit.everyone')}</option>
            {data.people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
      </div>
      {chosen && chosen.id !== me.id && <OnRequest key={chosen.id} person={chosen} />}
      <Events key={`${filter.kind}/${filter.person}`} filter={filter}
        onPerson={(person) => setFilter({ ...filter, person })} />
    </main>
  );
}

/**
 * The log's pages for one filter: the first on opening, older ones on "Pokaż starsze".
 * @param {{filter: {kind: string, person: string}, onPerson: (id: string) => void}} props
 */
function Events({ filter, onPerson }) {
  const [pages, setPages] = useState(/** @type {import('../../sync/privacy/index.js').AuditPage[]} */ ([]));
  const [failed, setFailed] = useState('');
  const load = (/** @type {number|null} */ before) => auditPage({ ...filter, before }).then(
    (page) => setPages((old) => [...old, page]),
    (err) => setFailed(navigator.onLine && err instanceof Error ? err.message : t('audit.offline')),
  );
  useEffect(() => { void load(null); }, []);
  if (failed) return <p class="notice" role="alert" data-testid="audit-failed">{failed}</p>;
  if (!pages.length) return <Loading />;
  const names = Object.assign({}, ...pages.map((p) => p.people));
  const events = pages.flatMap((p) => p.events);
  const last = pages[pages.length - 1];
  const who = (/** @type {string|null} */ id) => (id ? (
    <button type="button" class="btn-link" onClick={() => onPerson(id)}>{names[id] || id.slice(0, 8)}</button>
  ) : t('audit.server'));
  return (
    <>
      <p class="muted">{t('audit.intro', { days: last.days })}</p>
      {events.length === 0 && <p class="muted" data-testid="audit-empty">{t('audit.empty')}</p>}
      <ol class="audit-events">
        {events.map((e) => (
          <li key={e.id} class="audit-event" data-testid="audit-event" data-kind={e.kind}>
            <div class="audit-head">
              <strong>{t(`audit.kind.${e.kind}`)}</strong>
              <time class="muted" dateTime={e.at}>{formatTime(e.at)}</time>
            </div>
            <div class="audit-who">
              {who(e.actor_id)}
              {e.subject_id && e.subject_id !== e.actor_id && <> → {who(e.subject_id)}</>}
            </div>
            {(e.ip || e.device) && (
              <div class="muted small">{[e.device, e.ip && t('audit.from', { ip: e.ip })].filter(Boolean).join(' · ')}</div>
            )}
          </li>
        ))}
      </ol>
      {last.next && (
        <button type="button" class="btn-secondary btn-block" data-testid="audit-more" onClick={() => load(last.next)}>
          {t('audit.more')}
        </button>
      )}
    </>
  );
}

/**
 * What the admin does for a person who asks (RODO): a copy of her data, or her account deleted.
 * @param {{person: Record<string, any>}} props
 */
function OnRequest({ person }) {
  const [asking, setAsking] = useState(false);
  const [removePosts, setRemovePosts] = useState(false);
  const [state, setState] = useState(/** @type {{busy?: boolean, note?: string, error?: string}} */ ({}));
  const fail = (/** @type {unknown} */ err) => setState({
    error: navigator.onLine && err instanceof Error ? err.message : t('audit.offline') });
  const download = () => {
    setState({ busy: true });
    downloadData(person.id).then(({ blob, name }) => { saveBlob(blob, name); setState({}); }, fail);
  };
  const remove = () => {
    setState({ busy: true });
    deleteAccount({ removePosts, userId: person.id }).then((refused) => {
      setAsking(false);
      setState(refused ? { error: refused.message } : { note: t('audit.deleted') });
    }, fail);
  };
  return (
    <section class="card" data-testid="audit-on-request" aria-labelledby="audit-on-request">
      <h2 id="audit-on-request">{t('audit.onRequest')}</h2>
      <p class="muted small">{t('audit.onRequestHint')}</p>
      <div class="row">
        <button type="button" class="btn-secondary" disabled={state.busy} data-testid="audit-download" onClick={download}>
          {t('audit.download')}
        </button>
        {!asking && (
          <button type="button" class="btn-link danger" data-testid="audit-delete" onClick={() => setAsking(true)}>
            {t('audit.delete')}
          </button>
        )}
      </div>
      {asking && (
        <Confirm question={t('audit.deleteQuestion', { name: person.name })} yes={t('audit.deleteYes')}
          yesTestid="audit-delete-yes" busy={state.busy} onNo={() => setAsking(false)} onYes={remove}>
          <label class="check">
            <input type="checkbox" checked={removePosts}
              onChange={(e) => setRemovePosts(/** @type {HTMLInputElement} */ (e.currentTarget).checked)} />
            <span>{t('audit.removePosts')}</span>
          </label>
        </Confirm>
      )}
      {state.note && <p class="notice" role="status">{state.note}</p>}
      {state.error && <p class="field-error" role="alert">{state.error}</p>}
    </section>
  );
}
