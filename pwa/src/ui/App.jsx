/**
 * The app: who is signed in decides between the sign-in screen and the forum;
 * the hash decides the screen.
 */
import { useHashRoute, useSession } from './hooks.js';
import { useLang } from './i18n.js';
import { Header } from './Header.jsx';
import { SyncStatus } from './SyncStatus.jsx';
import { SignIn } from './SignIn.jsx';
import { Home } from './Home.jsx';
import { NetworkView } from './NetworkView.jsx';
import { ThreadView } from './ThreadView.jsx';
import { RejectedPanel } from './Rejected.jsx';
import { RejectedBanner, SwToasts } from './Notices.jsx';
import { Loading } from './bits.jsx';

export function App() {
  useLang(); // every screen re-renders in the new language
  const session = useSession();
  const route = useHashRoute();

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
        <SignIn expired={session.expired} />
        <SwToasts />
      </>
    );
  }

  const me = session.me;
  let screen;
  if (route.name === 'network') screen = <NetworkView key={route.id} me={me} networkId={route.id || ''} />;
  else if (route.name === 'thread') screen = <ThreadView key={route.id} me={me} threadId={route.id || ''} />;
  else if (route.name === 'rejected') screen = <RejectedPanel />;
  else screen = <Home me={me} />;

  return (
    <>
      <Header signedIn />
      <SyncStatus />
      <RejectedBanner />
      {screen}
      <SwToasts />
    </>
  );
}
