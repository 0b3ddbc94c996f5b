/**
 * The limits the meeting screens name, from the server's schemas (rules.json
 * through sync/rules.js): never typed here.
 */
import { itemFieldLimits, limits, MEETING_LIMITS } from '../../sync/index.js';

export const MEETING_RULES = {
  title: limits('meeting.create', 'title'),
  place: limits('meeting.create', 'place'),
  agendaMax: limits('meeting.create', 'agenda').max,
  linksMax: limits('meeting.create', 'links').max,
  topic: itemFieldLimits('meeting.create', 'agenda', 'topic'),
  who: itemFieldLimits('meeting.create', 'agenda', 'who'),
  linkTitle: itemFieldLimits('meeting.create', 'links', 'title'),
  maxHours: MEETING_LIMITS.max_hours,
  earlyMinutes: MEETING_LIMITS.check_in_early_minutes,
};
