/**
 * The network's year on paper, under its facts: the annual report to download
 * (its coordinator, Poradnia staff), the way to every participant's certificate
 * (staff: Certificates.jsx) and her own certificate (a member). A
 * certificate is issued by the named write `certificate.issue` and fetched
 * once the server has it; a refusal (no attendance yet) shows its own words.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { certificatePdf, issueCertificate, reportUrl, yearStart, NetworkError } from '../../sync/index.js';
import { t } from '../i18n.js';
import { canManage, isStaff } from '../rights.js';
import './papers.css';

/** @param {Blob} blob @param {string} name */
function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Resolves once the outbox is empty: the issue was pushed, applied or refused. */
function pushed() {
  return new Promise((resolve) => {
    const check = async () => {
      if ((await store.pendingCount()) === 0) {
        off();
        resolve(undefined);
      }
    };
    const off = store.subscribe(check);
    check();
  });
}

/** The refusal of her `certificate.issue` for this network, if the server sent one. @param {string} networkId */
async function refusal(networkId) {
  const found = (await store.rejectedList()).filter(
    (r) => r.name === 'certificate.issue' && /** @type {any} */ (r.args).network_id === networkId,
  );
  return found.length ? found[found.length - 1].error.message : null;
}

/** @param {{network: Record<string, any>, membership: Record<string, any>|null, user: Record<string, any>|null}} props */
export function YearPapers({ network, membership, user }) {
  const [state, setState] = useState(/** @type {{busy?: boolean, text?: string}} */ ({}));
  const year = yearStart(network.school_year);
  if (year == null) return null;
  const reports = canManage(membership, user) || isStaff(user);
  const member = membership?.role === 'member' && ['active', 'left'].includes(membership.status);
  if (!reports && !member) return null;
  const filename = `zaswiadczenie-${year}-${year + 1}.pdf`;

  const mine = async () => {
    setState({ busy: true, text: t('papers.working') });
    try {
      let pdf = await certificatePdf(network.id, year);
      if (!pdf) {
        await issueCertificate(network.id, year);
        await pushed();
        const refused = await refusal(network.id);
        pdf = refused ? null : await certificatePdf(network.id, year);
        if (!pdf) {
          setState({ text: refused || t('papers.notYet') });
          return;
        }
      }
      save(pdf, filename);
      setState({ text: t('papers.saved') });
    } catch (err) {
      setState({ text: err instanceof NetworkError ? t('papers.offline') : t('papers.failed') });
    }
  };

  return (
    <section class="papers" data-testid="year-papers" aria-label={t('papers.heading', { year: network.school_year })}>
      <h2 class="papers-heading">{t('papers.heading', { year: network.school_year })}</h2>
      <div class="row">
        {reports && (
          <>
            <a class="btn-secondary" href={reportUrl(network.id, year, 'pdf')} download data-testid="report-pdf">
              {t('papers.reportPdf')}
            </a>
            <a class="btn-secondary" href={reportUrl(network.id, year, 'docx')} download data-testid="report-docx">
              {t('papers.reportDocx')}
            </a>
            {isStaff(user) && (
              <a class="btn-secondary" href={`#/n/${network.id}/certificates`} data-testid="certificates-all">
                {t('papers.all')}
              </a>
            )}
          </>
        )}
        {member && (
          <button type="button" class="btn-secondary" onClick={mine} disabled={state.busy} data-testid="certificate-mine">
            {t('papers.certificate')}
          </button>
        )}
      </div>
      {state.text && <p class="muted" role="status" data-testid="papers-status">{state.text}</p>}
    </section>
  );
}
