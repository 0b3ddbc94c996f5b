/**
 * The sync side of the app, wired together: one engine, one session.
 */
import { SyncEngine } from './engine.js';
import * as store from '../store/index.js';
import * as session from './session.js';
import { onWrite } from './writes.js';
import { onFilesWaiting } from './writes-forum.js';
import { startUploads } from './uploader.js';
import { setKeepAll as chooseWindow } from './pull.js';
import { retryRejected as retryOne } from './push.js';

export const engine = new SyncEngine({
  confirmSession: session.confirmSession,
  sessionStale: session.sessionStale,
  onAuthLost: session.markSignedOut,
});

onWrite(() => engine.requestPush());

/** Files wait for their upload beside the outbox (uploader.js). */
export const uploader = startUploads(engine);
onFilesWaiting(() => uploader.kick(true));

// Sync runs exactly while someone is signed in.
session.onSession((s) => {
  if (s.status === 'signed-in') {
    engine.start();
    store.keepOnDevice().catch(() => null); // her unsent words must not be cleared for space
  } else engine.stop();
});

export * from './writes.js';
export { MutationError, TITLE_MAX, BODY_MAX } from './mutators.js';
export {
  loadSession,
  confirmSession,
  onSession,
  currentSession,
  requestSignInLink,
  signInWithLink,
  onSessionEndedElsewhere,
} from './session.js';

/** Signs out: sync stops (and finishes its step) before the data is wiped. */
export async function signOut() {
  engine.stop();
  await engine.idle();
  await session.signOut();
}
export {
  sendPublicRequest,
  invitationInfo,
  acceptInvitation,
  requestConfirmationInfo,
  confirmRequest,
  staffDashboard,
  exportUrl,
} from './rest.js';
export { NetworkError, ApiError } from './api.js';
export * from './writes-forum.js';
export { searchOnline, fetchOlderPosts, keepAttachmentOffline, forgetOffline } from './fetch-forum.js';
export { WINDOW_DAYS } from './pull.js';

/** She sends a refused or set-aside change again, now. @param {number} key */
export async function retryRejected(key) {
  await retryOne(key);
  engine.requestPush();
}

/** Keep every post, or only recent history; the next pull starts over at once. @param {boolean} keepAll */
export async function setKeepAll(keepAll) {
  await chooseWindow(keepAll);
  engine.requestPull();
}
