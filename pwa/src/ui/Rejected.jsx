/**
 * Changes the server refused, each with the full text she wrote, to copy
 * elsewhere and then dismiss. Nothing she wrote disappears without her say.
 * A change the server failed on (set aside so the rest could go) and one whose
 * thread or post was missing (perhaps set aside itself) can be sent again.
 */
import { useState } from 'preact/hooks';
import * as store from '../store/index.js';
import { retryRejected } from '../sync/index.js';
import { useQuery } from './hooks.js';
import { currentLang, t } from './i18n.js';
import { formatTime } from './format.js';
import { BackLink, Loading, PlainText } from './bits.jsx';

/** The words of a refused mutation, as one text to copy. @param {any} entry */
function rejectedText(entry) {
  const a = entry.args || {};
  const words = [a.title, a.name, a.topic, a.body, a.justification, a.description, a.reason, a.email];
  return words.filter((x) => typeof x === 'string' && x).join('\n\n');
}

const KNOWN = ['forbidden', 'not_found', 'invalid', 'conflict', 'archived', 'full', 'unknown_mutation', 'server_error'];

/** Sending it again may work. @param {any} entry */
const retryable = (entry) => entry.set_aside === 1 || entry.error?.code === 'not_found';

/**
 * Why it was refused, once. The server explains in Polish (often more exactly,
 * e.g. which length was exceeded); in English our own words stand in for it.
 * @param {{code?: string, message?: string} | undefined} error
 */
function reason(error) {
  const code = error?.code || '';
  if (error?.message && (currentLang() === 'pl' || !KNOWN.includes(code))) return error.message;
  return t(KNOWN.includes(code) ? `error.${code}` : 'error.other');
}

/** @param {string} text */
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older phones, or no permission: select the text the old way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function RejectedPanel() {
  const list = useQuery(() => store.rejectedList(), []);
  return (
    <main class="page" data-testid="rejected">
      <BackLink href="#/" label={t('nav.home')} />
      <h1>{t('rejected.title')}</h1>
      {!list ? (
        <Loading />
      ) : list.length === 0 ? (
        <p class="muted">{t('rejected.empty')}</p>
      ) : (
        <>
          <p>{t('rejected.intro')}</p>
          <ul class="list">
            {list.map((entry) => (
              <RejectedItem key={entry.key} entry={entry} />
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

/** @param {{entry: any}} props */
function RejectedItem({ entry }) {
  const [copied, setCopied] = useState(false);
  const text = rejectedText(entry);
  return (
    <li class="card rejected-item" data-testid="rejected-item">
      <p class="item-title">{t(`mutation.${entry.name}`)}</p>
      <p class="item-meta">{t(entry.set_aside ? 'rejected.setAside' : 'rejected.when', { time: formatTime(entry.rejected_at) })}</p>
      <p class="warn" data-testid="rejected-reason">
        {reason(entry.error)}
      </p>
      {text && <PlainText text={text} testid="rejected-text" />}
      <div class="row">
        {retryable(entry) && (
          <button type="button" class="btn-primary" data-testid="rejected-retry" onClick={() => retryRejected(entry.key)}>
            {t('rejected.retry')}
          </button>
        )}
        {text && (
          <button
            type="button"
            class="btn-secondary"
            data-testid="rejected-copy"
            onClick={async () => setCopied(await copy(text))}
          >
            {copied ? t('rejected.copied') : t('rejected.copy')}
          </button>
        )}
        <button
          type="button"
          class="btn-secondary"
          data-testid="rejected-dismiss"
          onClick={() => store.dismissRejected(entry.key)}
        >
          {t('rejected.dismiss')}
        </button>
      </div>
    </li>
  );
}
