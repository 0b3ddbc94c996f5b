/**
 * For Poradnia staff, beside a member: a one-time sign-in link mailed to her own address
 * (`signin_link.issue`), when she lost the phone that held her passkey. The link never shows
 * here: whoever held it would be signed in as her.
 */
import { useState } from 'preact/hooks';
import { issueSignInLink } from '../../sync/index.js';
import { t } from '../i18n.js';
import { Confirm } from '../bits.jsx';

/** @param {{userId: string, name: string}} props */
export function SigninLink({ userId, name }) {
  const [state, setState] = useState(/** @type {''|'asking'|'sent'} */ (''));
  if (state === 'sent') return <p class="muted" role="status" data-testid="signin-link-sent">{t('staff.signinLinkSent')}</p>;
  if (state === 'asking') {
    return (
      <Confirm question={t('staff.signinLinkQuestion', { name })} yes={t('staff.signinLinkYes')} danger={false}
        yesTestid="signin-link-yes" onNo={() => setState('')}
        onYes={() => issueSignInLink(userId).then(() => setState('sent'), () => setState(''))} />
    );
  }
  return (
    <button type="button" class="btn-link" onClick={() => setState('asking')} data-testid="signin-link-issue">
      {t('staff.signinLink')}
    </button>
  );
}
