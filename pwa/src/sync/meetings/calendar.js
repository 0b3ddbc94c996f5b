/**
 * Her calendar feed's address: GET /api/me says it, null until she has one;
 * then `calendar.reset` makes one (a write like any other, through the
 * outbox) and, once it is pushed, /api/me is asked again. A GET never writes.
 */
import * as store from '../../store/index.js';
import { calendarUrl } from './rest.js';
import { resetCalendar } from './writes.js';

/** How long to wait for the push of calendar.reset before giving up. */
const WAIT_MS = 20_000;

/**
 * @param {{idle: () => Promise<void>, requestPush: () => void}} engine
 * @returns {Promise<string|null>} an absolute address, or null when the server has made none yet
 */
export async function calendarAddress(engine) {
  let url = await calendarUrl(); // offline: NetworkError, for the screen to say so
  if (!url) {
    if (!(await store.outboxHolds('calendar.reset'))) await resetCalendar();
    await pushed(engine, 'calendar.reset');
    url = await calendarUrl();
  }
  return url ? new URL(url, location.origin).href : null;
}

/** Until no `name` waits in the outbox (or WAIT_MS pass). @param {{idle: () => Promise<void>, requestPush: () => void}} engine @param {string} name */
function pushed(engine, name) {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      off();
      clearTimeout(timer);
      resolve(undefined);
    };
    const look = () => store.outboxHolds(name).then((held) => !held && finish(), finish);
    const off = store.subscribe(look);
    const timer = setTimeout(finish, WAIT_MS);
    engine.requestPush();
    engine.idle().then(look);
  });
}
