/**
 * The sync side of the app, wired together: one engine, one session. The one
 * door the UI uses: each domain's writes, its REST calls and its rules are
 * re-exported here from the domain's folder.
 */
import { SyncEngine } from './engine.js';
import * as store from '../store/index.js';
import * as session from './session.js';
import { onWrite } from './writes.js';
import { onFilesWaiting } from './files/writes.js';
import { startUploads } from './files/uploader.js';
import { setNetworkKept as chooseNetwork } from './pull.js';
import { retryRejected as retryOne } from './push.js';
import { calendarAddress } from './meetings/calendar.js';

export const engine = new SyncEngine({
  confirmSession: session.confirmSession,
  sessionStale: session.sessionStale,
  onAuthLost: session.markSignedOut,
});

onWrite(() => engine.requestPush());

/** Files wait for their upload beside the outbox (uploader.js). */
export const uploader = startUploads(engine);
onFilesWaiting(() => uploader.kick(true));
export { onUploadProgress } from './files/uploader.js';

// Sync runs exactly while someone is signed in.
session.onSession((s) => {
  if (s.status === 'signed-in') {
    engine.start();
    store.keepOnDevice().catch(() => null); // her unsent words must not be cleared for space
  } else engine.stop();
});

export { MutationError } from './mutation-kit.js';
export * from './accounts/writes.js';
export * from './accounts/passkeys.js';
export * from './org/writes.js';
export * from './networks/writes.js';
export * from './forum/writes.js';
export * from './notifications/writes.js';
export * from './library/writes.js';
export * from './files/writes.js';
export * from './meetings/writes.js';
export * from './surveys/writes.js';
export * from './reports/writes.js';
export {
  loadSession,
  confirmSession,
  onSession,
  currentSession,
  requestSignInLink,
  signInWithLink,
  onSessionEndedElsewhere,
  fileMaxBytes,
  currentSessionId,
} from './session.js';

/** Signs out: sync stops (and finishes its step) before the data is wiped. */
export async function signOut() {
  engine.stop();
  await engine.idle();
  await session.signOut();
}
export { sendPublicRequest, invitationInfo, acceptInvitation, requestConfirmationInfo, confirmRequest } from './networks/rest.js';
export { staffDashboard } from './org/rest.js';
export { LOGO_MAX_MB, setPoradniaLogo, removePoradniaLogo } from './org/logo.js';
export { nextSchoolYear } from './networks/years.js';
export { fetchOlderPosts, exportUrl } from './forum/rest.js';
export { searchOnline } from './search/rest.js';
export { keepAttachmentOffline, forgetOffline } from './files/rest.js';
export { meetingIcsUrl } from './meetings/rest.js';
export { pairId, checkInOpen } from './meetings/mutators.js';
export { surveyResults, surveyCsvUrl } from './surveys/rest.js';
export { SURVEY_TEMPLATES } from './surveys/templates.js';
export { checkAnswers } from './surveys/answers.js';
export { SURVEY_LIMITS, optionsError } from './rules.js';
export { reportUrl, summaryUrl, certificatePdf, yearStart, certificateList, certificateUrl, certificatesZipUrl } from './reports/rest.js';

/** Her calendar feed's address, made on the server the first time she asks (sync/meetings/calendar.js). */
export const addToCalendar = () => calendarAddress(engine);
export { NetworkError, ApiError } from './api.js';
export {
  check, choicesOf, limits, itemLimits, itemFieldLimits, itemErrors, MEETING_LIMITS, FILE_ACCEPT, IMAGE_ACCEPT as LOGO_ACCEPT, NAME, TOPIC, JUSTIFICATION, MEMBERS, DESCRIPTION, REASON, PERSON,
  TOWN, ADDRESS, SUBJECT, SUBJECTS_MAX, FUNCTIONS, SCHOOL_KINDS, LEVELS, TITLE_MAX, BODY_MAX,
} from './rules.js';
export { WINDOW_DAYS, windowChoice } from './pull.js';

/** She sends a refused or set-aside change again, now. @param {number} key */
export async function retryRejected(key) {
  await retryOne(key);
  engine.requestPush();
}

/**
 * One network kept whole on this phone, or only its recent window; pulled at once.
 * @param {string} networkId @param {boolean} whole @param {string[]} networkIds all her networks
 */
export async function setNetworkKept(networkId, whole, networkIds) {
  await chooseNetwork(networkId, whole, networkIds);
  engine.requestPull();
}

/**
 * Types the UI names.
 * @typedef {import('./engine.js').SyncState} SyncState
 * @typedef {import('./session.js').Session} Session
 * @typedef {import('./networks/rest.js').InvitationInfo} InvitationInfo
 * @typedef {import('./org/rest.js').Dashboard} Dashboard
 */
