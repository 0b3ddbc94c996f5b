/**
 * Small pieces used on several screens.
 */
import { t } from './i18n.js';

/** The mark on anything written here and not yet confirmed by the server. */
export function PendingMarker() {
  return (
    <span class="pending" data-testid="pending-marker">
      <span class="pending-dot" aria-hidden="true" />
      {t('pending')}
    </span>
  );
}

/** @param {{href: string, label: string}} props */
export function BackLink({ href, label }) {
  return (
    <a class="back" href={href} data-testid="back-link">
      <span aria-hidden="true">←</span> {label}
    </a>
  );
}

/**
 * The user's own text, shown as written: escaped by JSX, line breaks kept by CSS.
 * @param {{text: string, testid?: string}} props
 */
export function PlainText({ text, testid }) {
  return (
    <div class="plain-text" data-testid={testid}>
      {text}
    </div>
  );
}

export function Loading() {
  return <p class="muted" aria-busy="true">{t('common.loading')}</p>;
}

/**
 * A question before something that cannot be undone: the answer and "Anuluj".
 * @param {{question?: any, yes: string, onYes: () => void, onNo: () => void, yesTestid: string,
 *   testid?: string, danger?: boolean, busy?: boolean, extraClass?: string, children?: any}} props
 */
export function Confirm({ question, yes, onYes, onNo, yesTestid, testid, danger = true, busy, extraClass, children }) {
  return (
    <div class={`confirm${extraClass ? ` ${extraClass}` : ''}`} role="alertdialog" data-testid={testid}>
      {question && <p>{question}</p>}
      {children}
      <div class="row">
        <button type="button" class={danger ? 'btn-danger' : 'btn-primary'} disabled={busy} data-testid={yesTestid}
          onClick={onYes}>
          {yes}
        </button>
        <button type="button" class="btn-secondary" onClick={onNo}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
