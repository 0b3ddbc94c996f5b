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
 * Why a text field was refused, in words.
 * @param {{error: any, max?: number}} props
 */
export function FieldError({ error, max }) {
  if (!error) return null;
  const known = error === 'required' || error === 'too_long';
  const msg = known ? t(`field.${error}`, { max: max ?? '' }) : String(error);
  return (
    <p class="field-error" role="alert">
      {msg}
    </p>
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
