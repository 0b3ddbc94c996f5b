/**
 * "Koniec roku szkolnego": hand coordination to another staff member, carry
 * the network into the next school year, or archive it — each behind a clear
 * question, since none of them can be undone from here.
 */
import { useState } from 'preact/hooks';
import { archiveNetwork, continueNetwork, handOverNetwork, nextSchoolYear } from '../../sync/index.js';
import { go } from '../hooks.js';
import { t } from '../i18n.js';
import { Confirm } from '../bits.jsx';
import { Field, valueOf } from '../forms.jsx';

/** @param {{network: Record<string, any>, staff: Record<string, any>[]}} props */
export function YearEnd({ network, staff }) {
  const [asking, setAsking] = useState(/** @type {''|'handover'|'continue'|'archive'} */ (''));
  const others = staff.filter((u) => !(network.coordinator_ids || []).includes(u.id));
  const [successor, setSuccessor] = useState('');
  const next = nextSchoolYear(network.school_year) || '';
  const fail = (/** @type {unknown} */ err) => console.error(err);

  const handOver = () => {
    const who = successor || others[0]?.id;
    if (who) handOverNetwork(network.id, who).then(() => setAsking(''), fail);
  };
  const carryOn = () => continueNetwork(network.id).then((id) => go(`#/n/${id}`), fail);
  const archive = () => archiveNetwork(network.id).then(() => setAsking(''), fail);

  return (
    <section data-testid="year-end">
      <div class="card">
        <h3>{t('year.handover')}</h3>
        <p class="muted small">{t('year.handoverHint')}</p>
        {others.length === 0 ? (
          <p class="muted small">{t(staff.length ? 'year.noOtherStaff' : 'year.noStaff')}</p>
        ) : asking === 'handover' ? (
          <Confirm yes={t('year.handoverConfirm')} onYes={handOver} onNo={() => setAsking('')} yesTestid="handover-yes"
            danger={false} extraClass="form">
            <Field id="handover-who" label={t('year.handoverWho')}>
              <select id="handover-who" value={successor || others[0].id} onChange={(e) => setSuccessor(valueOf(e))}
                data-testid="handover-who">
                {others.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </Field>
          </Confirm>
        ) : (
          <button type="button" class="btn-secondary" onClick={() => setAsking('handover')} data-testid="handover-open">
            {t('year.handover')}
          </button>
        )}
      </div>
      {next && (
        <div class="card">
          <h3>{t('year.continue', { year: next })}</h3>
          <p class="muted small">{t('year.continueHint', { year: next })}</p>
          {asking === 'continue' ? (
            <Confirm yes={t('year.continueConfirm', { year: next })} onYes={carryOn} onNo={() => setAsking('')}
              yesTestid="continue-yes" danger={false} />
          ) : (
            <button type="button" class="btn-secondary" onClick={() => setAsking('continue')} data-testid="continue-open">
              {t('year.continue', { year: next })}
            </button>
          )}
        </div>
      )}
      <div class="card danger-zone">
        <h3>{t('year.archive')}</h3>
        <p class="muted small">{t('year.archiveHint')}</p>
        {asking === 'archive' ? (
          <Confirm question={<strong>{t('year.archiveQuestion', { name: network.name })}</strong>}
            yes={t('year.archiveConfirm')} onYes={archive} onNo={() => setAsking('')}
            testid="archive-confirm" yesTestid="archive-yes" />
        ) : (
          <button type="button" class="btn-secondary danger" onClick={() => setAsking('archive')} data-testid="archive-open">
            {t('year.archive')}
          </button>
        )}
      </div>
    </section>
  );
}
