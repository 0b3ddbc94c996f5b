/**
 * #/n/<network>/certificates — every participant's certificate of the network's
 * school year, for its coordinator and the Poradnia's staff: who attended how
 * many meetings for how many hours, and each one's certificate (not issued,
 * issued with its number, revoked). "Wystaw wszystkim uprawnionym" issues one
 * per person through the outbox (`certificate.issue`, offline too: they go when
 * the phone is online); one by one, and "Unieważnij" with a reason. Each PDF
 * and all of them in one ZIP come from the server. The list is the server's
 * (staff outside the network hold no attendance on the device): the last one
 * fetched stays on screen while offline.
 */
import { useEffect, useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import {
  certificateList, certificateUrl, certificatesZipUrl, issueCertificate, revokeCertificate, limits, yearStart,
  NetworkError,
} from '../../sync/index.js';
import { useOnline, useWithUser } from '../hooks.js';
import { addWords, t } from '../i18n.js';
import { BackLink, Confirm, Loading, PendingMarker } from '../bits.jsx';
import { Field, valueOf } from '../forms.jsx';
import { isStaff } from '../rights.js';
import { certificateWords } from './words.js';
import './papers.css';

addWords(certificateWords);

/** @typedef {import('../../sync/reports/rest.js').CertificateHolder} Holder */

const REASON = limits('certificate.revoke', 'reason');
/** The last list fetched per network and year: shown again offline. @type {Map<string, Holder[]>} */
const lastSeen = new Map();

/** "1.5" → "1,5" in Polish. @param {number} hours */
const hoursText = (hours) => String(hours).replace('.', t('meetingHours.decimal'));

/** Her writes still in the outbox and the server's refusals, for this network. @param {string} networkId */
async function writesOf(networkId) {
  const [issues, revokes, rejected] = await Promise.all([
    store.waitingWrites('certificate.issue'), store.waitingWrites('certificate.revoke'), store.rejectedList()]);
  /** @type {Map<string, string>} */
  const refused = new Map();
  for (const r of rejected) {
    const args = /** @type {Record<string, any>} */ (r.args);
    if (r.name === 'certificate.issue' && args.network_id === networkId && args.user_id) refused.set(args.user_id, r.error.message);
  }
  return {
    issuing: new Set(issues.filter((a) => a.network_id === networkId).map((a) => String(a.user_id))),
    revoking: new Set(revokes.map((a) => String(a.id))),
    refused,
  };
}

/** @param {{me: {id: string}, networkId: string}} props */
export function Certificates({ me, networkId }) {
  const data = useWithUser(me.id, async () => ({
    network: await store.getRow('network', networkId), writes: await writesOf(networkId) }));
  const online = useOnline();
  const year = yearStart(data?.network?.school_year);
  const key = `${networkId}:${year}`;
  const [people, setPeople] = useState(/** @type {Holder[]|null} */ (lastSeen.get(key) || null));
  const [problem, setProblem] = useState(/** @type {''|'offline'|'failed'} */ (''));
  const [attempt, setAttempt] = useState(0);
  const waiting = data ? data.writes.issuing.size + data.writes.revoking.size : -1;

  useEffect(() => {
    if (year == null || waiting < 0) return;
    if (!online) return setProblem('offline');
    let alive = true;
    certificateList(networkId, year).then(
      (body) => {
        if (!alive) return;
        lastSeen.set(key, body.participants);
        setPeople(body.participants);
        setProblem('');
      },
      (err) => alive && setProblem(err instanceof NetworkError ? 'offline' : 'failed'),
    );
    return () => {
      alive = false;
    };
  }, [key, online, waiting, attempt]);

  if (!data) return <main class="page"><Loading /></main>;
  const { network, user, writes } = data;
  const back = <BackLink href={`#/n/${networkId}`} label={network?.name || t('nav.back')} />;
  if (!isStaff(user) || year == null) {
    return <main class="page">{back}<p class="notice">{t('certs.staffOnly')}</p></main>;
  }
  const eligible = (people || []).filter((p) => p.meetings > 0 && !p.certificate && !writes.issuing.has(p.user_id));
  const issued = (people || []).filter((p) => p.certificate && !p.certificate.revoked_at).length;

  return (
    <main class="page" data-testid="certificates">
      {back}
      <h1>{t('certs.heading')}</h1>
      <p class="muted lead">{t('certs.intro', { year: network?.school_year || '' })}</p>
      {problem === 'offline' && <p class="notice" data-testid="certs-offline">{t(people ? 'certs.offlineKept' : 'certs.offline')}</p>}
      {problem === 'failed' && (
        <div class="notice">
          <p>{t('certs.failed')}</p>
          <button type="button" class="btn-secondary" onClick={() => setAttempt(attempt + 1)}>{t('common.retry')}</button>
        </div>
      )}
      {!people ? (!problem && <Loading />) : (
        <>
          <p class="item-meta" data-testid="certs-summary">
            {t('participants.count', { n: people.length })} · {t('certs.issuedCount', { n: issued })}
          </p>
          <div class="certs-actions">
            {eligible.length > 0 ? (
              <button type="button" class="btn-primary btn-block" data-testid="certs-issue-all"
                onClick={() => eligible.forEach((p) => issueCertificate(networkId, year, p.user_id))}>
                {t('certs.issueAll', { n: eligible.length })}
              </button>
            ) : (
              <p class="muted" data-testid="certs-none-to-issue">
                {t(writes.issuing.size ? 'certs.allWaiting' : 'certs.noneToIssue')}
              </p>
            )}
            {issued > 0 && (
              <a class="btn-secondary btn-block" href={certificatesZipUrl(networkId, year)} download data-testid="certs-zip">
                {t('certs.zip', { n: issued })}
              </a>
            )}
          </div>
          {people.length === 0 ? <p class="muted">{t('certs.none')}</p> : (
            <ul class="list" data-testid="certs-list">
              {people.map((p) => (
                <Holder key={p.user_id} p={p} networkId={networkId} year={year} writes={writes} />
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

/**
 * One participant: her attendance, her certificate's state and what staff can do with it.
 * @param {{p: Holder, networkId: string, year: number, writes: Awaited<ReturnType<typeof writesOf>>}} props
 */
function Holder({ p, networkId, year, writes }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const c = p.certificate;
  const holds = c && !c.revoked_at;
  const issuing = writes.issuing.has(p.user_id);
  const revoking = c ? writes.revoking.has(c.id) : false;
  const canIssue = p.meetings > 0 && !holds && !issuing;
  const refused = !holds && !issuing ? writes.refused.get(p.user_id) : undefined;
  const revoke = () => {
    if (!c || !reason.trim()) return;
    revokeCertificate(c.id, reason).then(() => setAsking(false));
  };

  return (
    <li class="list-item static cert-holder" data-testid="cert-holder" data-user-id={p.user_id}>
      <span class="item-title" data-testid="cert-name">{p.name}</span>
      <span class="item-meta">{p.school || t('participants.noSchool')}{p.status !== 'active' && ` · ${t('certs.left')}`}</span>
      <span class="item-meta" data-testid="cert-attended">
        {p.meetings ? `${t('certs.meetings', { n: p.meetings })} · ${t('certs.hours', { hours: hoursText(p.hours) })}` : t('certs.attendedNone')}
      </span>
      <span class="cert-state" data-testid="cert-state">
        {issuing || revoking ? <PendingMarker /> : holds ? (
          <span class="badge">{t('certs.issued', { number: c.number })}</span>
        ) : c ? (
          <span class="badge badge-danger">{t('certs.revoked', { number: c.number })}</span>
        ) : <span class="badge badge-muted">{t('certs.notIssued')}</span>}
      </span>
      {c?.revoked_at && c.revoked_reason && !holds && <span class="item-meta">{t('certs.reason', { reason: c.revoked_reason })}</span>}
      {refused && <p class="field-error" role="alert" data-testid="cert-refused">{refused}</p>}
      {!asking && (
        <div class="cert-buttons">
          {holds && !revoking && (
            <>
              <a class="btn-secondary" href={certificateUrl(networkId, year, p.user_id)} download data-testid="cert-pdf">{t('certs.pdf')}</a>
              <button type="button" class="btn-secondary" onClick={() => setAsking(true)} data-testid="cert-revoke">{t('certs.revoke')}</button>
            </>
          )}
          {canIssue && (
            <button type="button" class="btn-secondary" onClick={() => issueCertificate(networkId, year, p.user_id)} data-testid="cert-issue">
              {c ? t('certs.issueAgain') : t('certs.issue')}
            </button>
          )}
        </div>
      )}
      {asking && c && (
        <Confirm question={t('certs.revokeQuestion', { number: c.number, name: p.name })} yes={t('certs.revokeYes')}
          onYes={revoke} onNo={() => setAsking(false)} yesTestid="cert-revoke-yes" testid="cert-revoke-confirm" busy={!reason.trim()}>
          <Field id={`why-${c.id}`} label={t('certs.reasonLabel')} hint={t('certs.reasonHint')} limits={REASON}>
            <textarea id={`why-${c.id}`} rows={2} maxLength={REASON.max} value={reason}
              onInput={(e) => setReason(valueOf(e))} data-testid="cert-revoke-reason" />
          </Field>
        </Confirm>
      )}
    </li>
  );
}
