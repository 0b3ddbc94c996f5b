/**
 * #/staff/dashboard — the Poradnia at a glance, straight from the server
 * (GET /api/staff/dashboard): the request queue, networks by kind and status,
 * members, requests to join and schools per network, schools represented;
 * and the Poradnia's summary of a school year to download (PDF, DOCX, CSV).
 * Online only; offline it says so kindly and tries again when the link returns.
 */
import { useEffect, useState } from 'preact/hooks';
import { staffDashboard, summaryUrl, NetworkError } from '../../sync/index.js';
import { useOnline } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading } from '../bits.jsx';

/** @typedef {import('../../sync/index.js').Dashboard} Dashboard */

export function DashboardPage() {
  const online = useOnline();
  const [data, setData] = useState(/** @type {Dashboard|null} */ (null));
  const [state, setState] = useState(/** @type {'loading'|'ok'|'offline'|'failed'} */ ('loading'));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!online) return setState('offline');
    let alive = true;
    setState('loading');
    staffDashboard().then(
      (d) => alive && (setData(d), setState('ok')),
      (err) => alive && setState(err instanceof NetworkError ? 'offline' : 'failed'),
    );
    return () => {
      alive = false;
    };
  }, [online, attempt]);

  return (
    <main class="page" data-testid="dashboard">
      <BackLink href="#/staff" label={t('staff.title')} />
      <h1>{t('dash.title')}</h1>
      {state === 'offline' && <p class="notice" data-testid="dashboard-offline">{t('dash.offline')}</p>}
      {state === 'failed' && (
        <div class="notice">
          <p>{t('dash.failed')}</p>
          <button type="button" class="btn-secondary" onClick={() => setAttempt(attempt + 1)}>{t('dash.retry')}</button>
        </div>
      )}
      {state === 'loading' && !data && <Loading />}
      {data && state !== 'offline' && <YearSummary />}
      {data && state !== 'offline' && <Figures data={data} />}
    </main>
  );
}

/** The Poradnia's summary of a school year: this one (from 1 September) or one of the two before. */
function YearSummary() {
  const now = new Date();
  const current = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  const [year, setYear] = useState(current);
  return (
    <section data-testid="dashboard-summary">
      <h2><label for="summary-year">{t('dash.summary')}</label></h2>
      <p class="small muted">{t('dash.summaryIntro')}</p>
      <select id="summary-year" value={year} data-testid="summary-year"
        onChange={(e) => setYear(Number(/** @type {HTMLSelectElement} */ (e.currentTarget).value))}>
        {[current, current - 1, current - 2].map((y) => <option key={y} value={y}>{`${y}/${y + 1}`}</option>)}
      </select>
      <div class="row">
        {/** @type {const} */ (['pdf', 'docx', 'csv']).map((f) => (
          <a key={f} class="btn-secondary" href={summaryUrl(year, f)} download data-testid={`summary-${f}`}>
            {t(`dash.summary.${f}`)}
          </a>
        ))}
      </div>
    </section>
  );
}

/** @param {{data: Dashboard}} props */
function Figures({ data }) {
  const kinds = Object.entries(data.by_kind);
  return (
    <>
      <h2>{t('dash.requests')}</h2>
      <div class="stats" data-testid="dashboard-requests">
        {/** @type {const} */ (['pending', 'approved', 'rejected']).map((s) => (
          <div key={s} class="stat">
            <strong>{data.requests[s]}</strong>
            <span>{t(`dash.${s}`)}</span>
          </div>
        ))}
      </div>
      <h2>{t('dash.byKind')}</h2>
      <ul class="list">
        {kinds.map(([kind, counts]) => (
          <li key={kind} class="list-item static">
            <span class="item-title">{t(`kind.${kind}`)}</span>
            <span class="item-meta">
              {t('dash.active')}: {counts.active || 0} · {t('dash.archived')}: {counts.archived || 0}
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('dash.networks')}</h2>
      <ul class="list" data-testid="dashboard-networks">
        {data.networks.map((n) => (
          <li key={n.id} class="list-item static" data-testid="dashboard-network">
            <span class="item-title">{n.name}</span>
            <span class="item-meta">
              {t(`kind.${n.kind}`)}{n.school_year ? ` · ${n.school_year}` : ''}
              {n.status === 'archived' ? ` · ${t('network.archivedBadge')}` : ''}
            </span>
            <span class="mini-stats">
              <span>{n.capacity != null ? t('network.places', { count: n.members, n: n.capacity }) : t('network.members', { n: n.members })}</span>
              <span>{t('dash.waiting', { n: n.pending })}</span>
              <span>{t('schools.count', { n: n.schools })}</span>
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('dash.schools')}</h2>
      {data.schools.length === 0 ? (
        <p class="muted">{t('dash.noSchools')}</p>
      ) : (
        <ul class="list" data-testid="dashboard-schools">
          {data.schools.map((s) => (
            <li key={s.id} class="list-item static">
              <span class="item-title">{s.name}</span>
              <span class="item-meta">{s.town} · {t('dash.schoolMembers', { n: s.members })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
