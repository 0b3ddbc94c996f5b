/**
 * The app: who is signed in decides between the sign-in side (sign-in, the
 * public request form, an invitation) and the rest; the hash decides the screen.
 */
import { useState } from 'preact/hooks';
import { useHashRoute, useSession, go } from './hooks.js';
import { t, useLang } from './i18n.js';
import { Header } from './Header.jsx';
import { Nav } from './Nav.jsx';
import { SyncStatus } from './SyncStatus.jsx';
import { SignIn } from './SignIn.jsx';
import { Invitation } from './Invitation.jsx';
import { PublicRequest } from './requests/PublicRequest.jsx';
import { Screen } from './Screens.jsx';
import { RejectedBanner, SwToasts } from './Notices.jsx';
import { Loading } from './bits.jsx';
import { landingErrorKey, takeLanding } from './landing.js';

export function App() {
  useLang(); // every screen re-renders in the new language
  const session = useSession();
  const route = useHashRoute();
  const [landing, setLanding] = useState(takeLanding);

  if (landing.invite) {
    return (
      <>
        <Header signedIn={false} />
        <Invitation
          token={landing.invite}
          onDone={(networkId) => {
            setLanding({ invite: null, error: null });
            go(`#/n/${networkId}`);
          }}
          onInvalid={() => setLanding({ invite: null, error: 'invite_invalid' })}
        />
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
      {errorKey && (
        <div class="banner banner-plain" role="alert" data-testid="landing-error">
          <span>{t(errorKey)}</span>
          <button type="button" class="btn-ghost" aria-label={t('common.close')}
            onClick={() => setLanding({ invite: null, error: null })}>
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
