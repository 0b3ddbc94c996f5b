/**
 * "Zainstaluj Krąg": where the browser offers installing (beforeinstallprompt: Chrome, Edge,
 * Samsung Internet on Android) a card on the home screen says why — installed, it works without
 * a connection and the browser keeps her data (the outbox, drafts) instead of evicting it — and
 * installs with one tap. Safari on an iPhone or iPad has no such event: there the card tells her
 * how to add Krąg to the home screen. Not shown when already installed; "Nie teraz" hides it on
 * this device for a month.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.js';
import './passkey.css';

const LATER = 'krag.installLater';
const MONTH = 30 * 24 * 3600 * 1000;

/** @type {any} the browser's deferred prompt, kept from the moment it fires (often before any screen) */
let deferred = null;
/** @type {Set<() => void>} */
const listeners = new Set();
const notify = () => listeners.forEach((fn) => fn());
addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault(); // our card asks, with the reasons, instead of the browser's bar
  deferred = event;
  notify();
});
addEventListener('appinstalled', () => {
  deferred = null;
  notify();
});

const installed = () => matchMedia('(display-mode: standalone)').matches || /** @type {any} */ (navigator).standalone === true;
const iosSafari = () =>
  (/iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1)) &&
  !/CriOS|FxiOS|EdgiOS/.test(navigator.userAgent);
const later = () => Date.now() - Number(localStorage.getItem(LATER) || 0) < MONTH;

export function InstallOffer() {
  const [, rerender] = useState(0);
  const [closed, setClosed] = useState(later);
  useEffect(() => {
    const on = () => rerender((n) => n + 1);
    listeners.add(on);
    return () => void listeners.delete(on);
  }, []);
  if (closed || installed()) return null;
  const ios = !deferred && iosSafari();
  if (!deferred && !ios) return null;
  const close = () => {
    localStorage.setItem(LATER, String(Date.now()));
    setClosed(true);
  };
  const install = async () => {
    const event = deferred;
    deferred = null;
    event.prompt();
    const { outcome } = await event.userChoice;
    if (outcome !== 'accepted') close();
    notify();
  };
  return (
    <section class="card passkey-offer" role="region" aria-labelledby="install-offer-title" data-testid="install-offer">
      <strong id="install-offer-title">{t(ios ? 'install.iosTitle' : 'install.title')}</strong>
      <p>{t('install.why')}</p>
      {ios && <p data-testid="install-ios-how">{t('install.iosHow')}</p>}
      <div class="row">
        {!ios && (
          <button type="button" class="btn-primary" onClick={install} data-testid="install-go">{t('install.go')}</button>
        )}
        <button type="button" class="btn-secondary" onClick={close} data-testid="install-later">{t(ios ? 'install.ok' : 'install.later')}</button>
      </div>
    </section>
  );
}
