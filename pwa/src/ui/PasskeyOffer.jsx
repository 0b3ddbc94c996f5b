/**
 * After her first sign-in by e-mailed link, once: "Dodaj klucz dostępu", so that next time
 * a fingerprint signs her in. Dismissed ("Nie teraz") or done, it does not come back for her
 * on this device. Not on a browser without passkeys, nor when she has one already.
 */
import { useState } from 'preact/hooks';
import * as store from '../store/index.js';
import { addPasskey, passkeysSupported, PasskeyCancelled } from '../sync/index.js';
import { useQuery } from './hooks.js';
import { t } from './i18n.js';
import { passkeyOfferDone, passkeyOfferDue, passkeyUsedHere } from './passkeyDevice.js';
import './passkey.css';

/** @param {{meId: string}} props */
export function PasskeyOffer({ meId }) {
  const held = useQuery(async () => (await store.allRows('passkey')).length, []);
  const [state, setState] = useState(/** @type {''|'adding'|'failed'|'done'|'closed'} */ (''));
  if (state === 'closed' || held === undefined || !passkeysSupported()) return null;
  if (state !== 'done' && (held > 0 || !passkeyOfferDue(meId))) return null;
  const close = () => {
    passkeyOfferDone(meId);
    setState('closed');
  };
  const add = async () => {
    setState('adding');
    try {
      await addPasskey();
      passkeyUsedHere();
      passkeyOfferDone(meId);
      setState('done');
    } catch (err) {
      setState(err instanceof PasskeyCancelled ? '' : 'failed');
    }
  };
  return (
    <section class="card passkey-offer" role="region" aria-labelledby="passkey-offer-title" data-testid="passkey-offer">
      {state === 'done' ? (
        <div class="row-item">
          <p data-testid="passkey-offer-done">{t('passkey.offerDone')}</p>
          <button type="button" class="btn-ghost" aria-label={t('common.close')} onClick={() => setState('closed')}>✕</button>
        </div>
      ) : (
        <>
          <strong id="passkey-offer-title">{t('passkey.offerTitle')}</strong>
          <p>{t('passkey.offerText')}</p>
          {state === 'failed' && <p class="field-error" role="alert">{t('passkey.addFailed')}</p>}
          <div class="row">
            <button type="button" class="btn-primary" disabled={state === 'adding'} onClick={add} data-testid="passkey-offer-add">
              {state === 'adding' ? t('passkey.adding') : t('passkey.offerAdd')}
            </button>
            <button type="button" class="btn-secondary" onClick={close} data-testid="passkey-offer-later">
              {t('passkey.offerLater')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
