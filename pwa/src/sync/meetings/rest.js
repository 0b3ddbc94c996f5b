/**
 * What needs the server now: the address of her calendar feed (GET /api/me
 * says it; null until `calendar.reset` has made one) and one meeting's .ics.
 */
import { request } from '../api.js';

/** @returns {Promise<string|null>} */
export async function calendarUrl() {
  const me = await request('GET', '/api/me');
  return me?.calendar_url ?? me?.user?.calendar_url ?? null;
}

/** The .ics of one meeting, for a calendar app. @param {string} meetingId */
export const meetingIcsUrl = (meetingId) => `/api/meetings/${encodeURIComponent(meetingId)}.ics`;
