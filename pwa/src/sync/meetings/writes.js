/**
 * Her writes about meetings (server/meetings/): planned, changed, cancelled,
 * answered, attendance marked (with the device's time of the mark: the last
 * one tapped wins, whichever device syncs first), hours corrected, and her own
 * check-in with the code from the coordinator's screen.
 */
import { mutate } from '../writes.js';
import { uuid } from '../uuid.js';

/**
 * @typedef {{title: string, starts_at?: string, ends_at?: string, place?: string|null,
 *   agenda?: {time: string|null, topic: string, who: string}[], links?: {title: string, url: string}[],
 *   online_url?: string|null, expert_ids?: string[]}} MeetingFields
 */

/** @param {string} networkId @param {MeetingFields} fields @returns {Promise<string>} its id */
export async function createMeeting(networkId, fields) {
  const id = uuid();
  await mutate('meeting.create', { id, network_id: networkId, ...fields });
  return id;
}

/** @param {string} id @param {Partial<MeetingFields>} fields */
export const updateMeeting = (id, fields) => mutate('meeting.update', { id, ...fields });

/** @param {string} id */
export const cancelMeeting = (id) => mutate('meeting.cancel', { id });

/** @param {string} meetingId @param {'yes'|'no'|'maybe'} answer */
export const answerMeeting = (meetingId, answer) => mutate('meeting.rsvp', { meeting_id: meetingId, answer });

/** @param {string} meetingId @param {string} userId @param {boolean} present */
export const markAttendance = (meetingId, userId, present) =>
  mutate('attendance.set', { meeting_id: meetingId, user_id: userId, present, at: new Date().toISOString() });

/** @param {string} meetingId @param {string} userId @param {number|null} hours null: the meeting's length again */
export const correctHours = (meetingId, userId, hours) =>
  mutate('attendance.hours', { meeting_id: meetingId, user_id: userId, hours });

/** She is here: the code from the coordinator's screen, at this moment. @param {string} meetingId @param {string} code */
export const checkIn = (meetingId, code) =>
  mutate('attendance.check_in', { meeting_id: meetingId, code: code.trim(), at: new Date().toISOString() });

/** A new secret address for her calendar feed (the old one stops working). */
export const resetCalendar = () => mutate('calendar.reset', {});
