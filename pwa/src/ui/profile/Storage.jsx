/**
 * "Pamięć telefonu": how much each of her networks takes on this phone (an
 * estimate from IndexedDB: rows and downloaded files, store/sizes.js) and, per
 * network, what stays available offline — every post, or the recent window
 * (docs/sync-protocol.md, "Per network"). Below, whether the browser keeps the
 * data when space runs low (store/persist.js).
 */
import * as store from '../../store/index.js';
import { setNetworkKept, windowChoice, WINDOW_DAYS } from '../../sync/index.js';
import { useQuery } from '../hooks.js';
import { addWords, t, useLang } from '../i18n.js';
import { formatNumber } from '../format.js';
import { Choice } from '../forms.jsx';
import { storageWords } from './storageWords.js';
import './storage.css';

addWords(storageWords);

/** @param {number} bytes @returns {string} "1,2 MB", "340 kB" in her language */
export function sizeText(bytes) {
  const [unit, value] = bytes >= 1e6 ? ['megabyte', bytes / 1e6] : ['kilobyte', Math.max(bytes / 1e3, bytes ? 0.1 : 0)];
  return formatNumber(value, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 });
}

export function KeepHistory() {
  useLang();
  const data = useQuery(async () => {
    const me = await store.getMeta('me');
    const networks = me?.id ? await store.myNetworks(me.id) : [];
    return { networks, choice: await windowChoice() };
  }, []);
  const sizes = useQuery(() => store.networkSizes().catch(() => null), []);
  // The whole site's share of the phone (the app itself, caches), where the browser tells it.
  const usage = useQuery(() => (navigator.storage?.estimate?.() || Promise.resolve(null)).then((e) => e?.usage ?? null, () => null), []);
  const kept = useQuery(() => store.keptOnDevice().catch(() => null), []);
  if (!data) return null;
  const { networks, choice } = data;
  const ids = networks.map((n) => n.id);
  const total = usage ?? (sizes && Object.values(sizes).reduce((sum, s) => sum + s.bytes + s.fileBytes, 0));
  return (
    <section class="card form" data-testid="keep-history">
      <h2 class="form-title">{t('notes.keepHeading')}</h2>
      <p class="muted small">{t('storage.intro')}</p>
      {sizes ? <p data-testid="storage-total">{t('storage.total', { size: sizeText(total || 0) })}</p>
        : <p class="muted small">{t('storage.counting')}</p>}
      {networks.map((n) => {
        const whole = choice.keepAll || choice.kept.includes(n.id);
        const size = sizes?.[n.id];
        return (
          <div key={n.id} class="storage-network" data-testid="storage-network" data-network={n.id}>
            <h3 class="storage-name">{n.name}</h3>
            {sizes && (
              <p class="muted small" data-testid="storage-size">
                {t('storage.size', { size: sizeText(size ? size.bytes + size.fileBytes : 0) })}
                {' · '}{t('storage.posts', { n: size?.posts || 0 })}
                {size?.files ? <>{' · '}{t('storage.files', { n: size.files })}</> : null}
              </p>
            )}
            <Choice name={`keep-${n.id}`} label={t('storage.keep')} value={whole ? 'whole' : 'recent'} testid="storage-keep"
              onValue={(v) => setNetworkKept(n.id, v === 'whole', ids)}
              options={[
                { value: 'recent', label: t('storage.recent', { n: WINDOW_DAYS }), hint: t('storage.recentHint') },
                { value: 'whole', label: t('storage.whole'), hint: t('storage.wholeHint') },
              ]} />
          </div>
        );
      })}
      {kept === true && <p class="muted small" data-testid="storage-kept">{t('notes.storageKept')}</p>}
      {kept === false && <p class="warn small" data-testid="storage-at-risk">{t('notes.storageAtRisk')}</p>}
    </section>
  );
}
