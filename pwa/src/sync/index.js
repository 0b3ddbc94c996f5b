/**
 * The sync side of the app, wired together: one engine, one session.
 */
import { SyncEngine } from './engine.js';
import * as session from './session.js';
import { onWrite } from './writes.js';

export const engine = new SyncEngine({
  confirmSession: session.confirmSession,
  sessionStale: session.sessionStale,
  onAuthLost: session.markSignedOut,
});

onWrite(() => engine.requestPush());

// Sync runs exactly while someone is signed in.
session.onSession((s) => {
  if (s.status === 'signed-in') engine.start();
  else engine.stop();
});

export * from './writes.js';
export { MutationError, TITLE_MAX, BODY_MAX } from './mutators.js';
export {
  loadSession,
  confirmSession,
  onSession,
  currentSession,
  requestSignInLink,
  onSessionEndedElsewhere,
} from './session.js';

/** Signs out: sync stops (and finishes its step) before the data is wiped. */
export async function signOut() {
  engine.stop();
  await engine.idle();
  await session.signOut();
}
