/**
 * The app: a one-time link from a letter opens its own screen (sign-in, an
 * invitation, a request to confirm); then who is signed in decides between the
 * sign-in side (sign-in, the public request form) and the rest; the hash decides
 * the screen.
 */
import { useState } from 'preact/hooks';
import { useHashRoute, useSession, go } from './hooks.js';
import { t, useLang } from './i18n.js';
import { Header } from './Header.jsx';
import { Nav } from './Nav.jsx';
import { SyncStatus } from './SyncStatus.jsx';
import { LinkSignIn, SignIn } from './SignIn.jsx';
import { Invitation } from './Invitation.jsx';
import { PublicRequest } from './requests/PublicRequest.jsx';
import { ConfirmRequest } from './requests/ConfirmRequest.jsx';
import { Screen } from './Screens.jsx';
import { RejectedBanner, SwToasts } from './Notices.jsx';
import { PasskeyOffer } from './PasskeyOffer.jsx';
import { InstallOffer } from './InstallOffer.jsx';
import { Loading } from './bits.jsx';
import { NO_LANDING, landingError, landingErrorKey, rememberReturn, takeLanding, takeReturn } from './landing.js';

export function App() {
  useLang(); // every screen re-renders in the new language
  const session = useSession();
  const route = useHashRoute();
  const [landing, setLanding] = useState(takeLanding);
  /** The link's button did its work: on to `hash`. @param {string} [hash] */
  const landed = (hash) => {
    setLanding(NO_LANDING);
    if (hash) go(hash);
  };

  if (landing.kind && landing.token) {
    const token = landing.token;
    return (
      <>
        <Header signedIn={false} />
        {landing.kind === 'link' ? (
          <LinkSignIn token={token} onDone={() => landed(takeReturn())} onInvalid={() => setLanding(landingError('link_invalid'))} />
        ) : landing.kind === 'invite' ? (
          <Invitation token={token} onDone={(networkId) => landed(`#/n/${networkId}`)}
            onInvalid={() => setLanding(landingError('invite_invalid'))} />
        ) : (
          <ConfirmRequest token={token} onDone={() => landed('#/requests')}
            onInvalid={() => setLanding(landingError('link_invalid'))} />
        )}
        <SwToasts />
      </>
    );
  }
  if (session.status === 'loading') {
    return (
      <>
        <Header signedIn={false} />
        <main class="page"><Loading /></main>
      </>
    );
  }
  if (session.status !== 'signed-in' || !session.me) {
    if (route.name !== 'apply') rememberReturn(location.hash);
    return (
      <>
        <Header signedIn={false} />
        {route.name === 'apply' ? (
          <PublicRequest />
        ) : (
          <SignIn key={landing.error || ''} expired={session.expired} landingError={landing.error} />
        )}
        <SwToasts />
      </>
    );
  }

  const errorKey = landingErrorKey(landing.error);
  return (
    <div class="with-nav">
      <Header signedIn />
      <SyncStatus />
      <RejectedBanner />
      <PasskeyOffer meId={session.me.id} />
      {route.name === 'home' && <InstallOffer />}
      {errorKey && (
        <div class="banner banner-plain" role="alert" data-testid="landing-error">
          <span>{t(errorKey)}</span>
          <button type="button" class="btn-ghost" aria-label={t('common.close')}
            onClick={() => setLanding(NO_LANDING)}>
            ✕
          </button>
        </div>
      )}
      <Screen route={route} me={session.me} />
      <Nav route={route.name} meId={session.me.id} />
      <SwToasts />
    </div>
  );
}
