/**
 * "Dodaj do kalendarza": her private feed's address (every meeting of her
 * networks) to paste into the phone's calendar, or to open as webcal:// where
 * the phone subscribes by a tap. The first time there is no address yet: the
 * sync layer asks the server to make one (calendar.reset) and reads it back.
 */
import { useState } from 'preact/hooks';
import { addToCalendar, NetworkError } from '../../sync/index.js';
import { t } from '../i18n.js';

export function CalendarButton() {
  const [state, setState] = useState(/** @type {{step: 'idle'|'wait'|'shown'|'offline'|'failed', url?: string}} */ ({ step: 'idle' }));
  const [copied, setCopied] = useState(false);

  const open = async () => {
    setState({ step: 'wait' });
    try {
      const url = await addToCalendar();
      setState(url ? { step: 'shown', url } : { step: 'failed' });
    } catch (err) {
      setState({ step: err instanceof NetworkError ? 'offline' : 'failed' });
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(state.url || '');
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section class="calendar card" data-testid="calendar">
      {state.step === 'shown' ? (
        <h2 class="form-title">{t('meetings.addToCalendar')}</h2>
      ) : (
        <button type="button" class="btn-secondary wide" onClick={open} disabled={state.step === 'wait'} data-testid="calendar-add">
          {state.step === 'wait' ? t('meetings.calendarWait') : t('meetings.addToCalendar')}
        </button>
      )}
      {state.step === 'offline' && <p class="hint" role="status">{t('meetings.calendarOffline')}</p>}
      {state.step === 'failed' && <p class="field-error" role="alert">{t('meetings.calendarOffline')}</p>}
      {state.step === 'shown' && state.url && (
        <>
          <p class="field-hint">{t('meetings.calendarHint')}</p>
          <input type="text" readOnly value={state.url} data-testid="calendar-url" aria-label={t('meetings.addToCalendar')}
            onFocus={(e) => /** @type {HTMLInputElement} */ (e.currentTarget).select()} />
          <div class="row">
            <button type="button" class="btn-primary" onClick={copy} data-testid="calendar-copy">
              {copied ? t('meetings.calendarCopied') : t('meetings.calendarCopy')}
            </button>
            <a class="btn-secondary" href={state.url.replace(/^https?:/, 'webcal:')} data-testid="calendar-webcal">
              {t('meetings.calendarOpen')}
            </a>
          </div>
        </>
      )}
    </section>
  );
}
