/**
 * The limits on every mutation's arguments, as the server's marshmallow
 * schemas declare them: rules.json is written from those schemas by
 * `krag rules` (server/rules_export.py) before each build, never by hand.
 * sync/mutators.js runs `check` before every local mutator, so a write that
 * breaks a rule is refused at once, offline too, with {field: code}; the
 * forms show those codes (`field.<code>` in the messages) with the limits
 * named here. The server checks again and has the last word.
 *
 * Written by hand, because a schema says them in code, not data (and
 * tests/unit/test_rules_agree.py holds them to the server's answers): the
 * e-mail, address and time forms, and the few rules across fields (BY_HAND).
 */
import RULES from './rules.json' with { type: 'json' };

/**
 * @typedef {{type: string, required?: boolean, nullable?: boolean, trim?: boolean, strict?: boolean,
 *   min?: number, max?: number, choices?: string[], pattern?: string, schemes?: string[],
 *   items?: Rule, fields?: Record<string, Rule>}} Rule
 * @typedef {Record<string, string>} Errors
 */

/** @type {Record<string, Record<string, Rule>>} */
const MUTATIONS = RULES.mutations;
/** @type {Record<string, Record<string, Rule>>} */
const FORMS = RULES.forms;

/** Meetings' limits a schema says in code (server/meetings/schemas.py LIMITS): a meeting's length, check-in's window. */
export const MEETING_LIMITS = /** @type {{max_hours: number, hours_step: number, check_in_early_minutes: number, clock_skew_minutes: number}} */ (
  RULES.limits.meetings);

/** Surveys' limits their mutator says in code (server/surveys/schemas.py LIMITS): an answer held to its question. */
export const SURVEY_LIMITS = /** @type {{questions_max: number, options_min: number, options_max: number, scale_min: number, anonymous_min: number,
  scale_max: number, text_answer_max: number, clock_skew_minutes: number}} */ (RULES.limits.surveys);

/** Plans' limits their mutators say in code (server/plans/schemas.py LIMITS): tasks in a version, topics. */
export const PLAN_LIMITS = /** @type {{tasks_max: number, topics_max: number}} */ (RULES.limits.plans);

/** The rules of a mutation's arguments (or of a form's fields). @param {string} name */
export function rulesOf(name) {
  const rules = MUTATIONS[name] || FORMS[name];
  if (!rules) throw new Error(`no rules for ${name}`);
  return rules;
}

/** Every mutation the server has rules for. */
export const ruledMutations = () => Object.keys(MUTATIONS);

/**
 * One field's limits, for the words under it ("od {min} do {max} znaków").
 * @param {string} name @param {string} field @returns {{min: number, max: number}}
 */
export function limits(name, field) {
  const rule = rulesOf(name)[field];
  if (!rule) throw new Error(`no rule for ${name} ${field}`);
  return { min: rule.min ?? 0, max: rule.max ?? Infinity };
}

/**
 * The limits of each item of a list field (a subject, a tag).
 * @param {string} name @param {string} field @returns {{min: number, max: number}}
 */
export function itemLimits(name, field) {
  const item = rulesOf(name)[field]?.items;
  if (!item) throw new Error(`no items rule for ${name} ${field}`);
  return { min: item.min ?? 0, max: item.max ?? Infinity };
}

/**
 * The limits of one field of a list's items (an agenda item's topic).
 * @param {string} name @param {string} field @param {string} sub @returns {{min: number, max: number}}
 */
export function itemFieldLimits(name, field, sub) {
  const rule = rulesOf(name)[field]?.items?.fields?.[sub];
  if (!rule) throw new Error(`no rule for ${name} ${field}[].${sub}`);
  return { min: rule.min ?? 0, max: rule.max ?? Infinity };
}

/**
 * What one item of a list of objects breaks, field by field (the server names only the list):
 * a form shows it on the item's own fields.
 * @param {string} name @param {string} field @param {Record<string, any>} item @returns {Errors}
 */
export function itemErrors(name, field, item) {
  const fields = rulesOf(name)[field]?.items?.fields;
  return fields ? checkFields(fields, item || {}, '') : {};
}

/** The choices a field takes. @param {string} name @param {string} field @returns {string[]} */
export const choicesOf = (name, field) => rulesOf(name)[field]?.choices || [];

/** What the file picker offers, and the images a logo may be. */
export const FILE_ACCEPT = RULES.files.accept.join(',');
export const IMAGE_ACCEPT = RULES.files.images.join(',');

// The limits the screens name (one source: the server's schemas).
export const NAME = limits('network_request.create', 'name');
export const TOPIC = limits('network_request.create', 'topic');
export const JUSTIFICATION = limits('network_request.create', 'justification');
export const MEMBERS = limits('network_request.create', 'expected_members');
export const DESCRIPTION = limits('network.update', 'description');
export const REASON = limits('network_request.reject', 'reason');
export const PERSON = limits('profile.update', 'name');
export const TOWN = limits('school.create', 'town');
export const ADDRESS = limits('poradnia.update', 'address');
export const SUBJECT = itemLimits('profile.update', 'subjects');
export const SUBJECTS_MAX = limits('profile.update', 'subjects').max;
export const FUNCTIONS = choicesOf('profile.update', 'function');
export const SCHOOL_KINDS = choicesOf('school.create', 'kind');
export const LEVELS = choicesOf('resource.create', 'school_level');
export const TITLE_MAX = limits('thread.create', 'title').max;
export const BODY_MAX = limits('post.create', 'body').max;

// By hand (see above): marshmallow's checks are code. Near enough that the
// server rarely disagrees; when it does, its answer lands on the field.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/;

/** Characters as Python counts them (an emoji is one, not two). @param {string} text */
const length = (text) => [...text].length;

/**
 * Why a value breaks its rule, as a code, or null.
 * @param {Rule} rule @param {unknown} value @returns {string | null}
 */
export function ruleError(rule, value) {
  if (value === undefined) return rule.required ? 'required' : null;
  if (value === null) return rule.nullable ? null : 'required';
  switch (rule.type) {
    case 'text':
    case 'email':
    case 'url':
    case 'uuid': {
      if (typeof value !== 'string') return 'invalid';
      const text = rule.trim ? value.trim() : value;
      if (!text && rule.type !== 'text') return rule.required ? 'required' : rule.type;
      if (!text && (rule.required || (rule.min ?? 0) > 0)) return 'required';
      if (rule.min !== undefined && length(text) < rule.min) return 'too_short';
      if (rule.max !== undefined && length(text) > rule.max) return 'too_long';
      if (rule.choices && !rule.choices.includes(text)) return 'choose';
      if (rule.pattern && !new RegExp(rule.pattern).test(text)) return 'format';
      if (rule.type === 'email' && !EMAIL.test(text)) return 'email';
      if (rule.type === 'uuid' && !UUID.test(text)) return 'invalid';
      if (rule.type === 'url' && !urlOk(text, rule.schemes || ['http', 'https'])) return 'url';
      return null;
    }
    case 'integer': {
      const n = typeof value === 'string' && !rule.strict && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (value === '') return 'required';
      if (typeof n !== 'number' || !Number.isInteger(n)) return 'range';
      return (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max) ? 'range' : null;
    }
    case 'list': {
      if (!Array.isArray(value)) return 'invalid';
      if ((rule.min !== undefined && value.length < rule.min) || (rule.max !== undefined && value.length > rule.max)) return 'too_many';
      const item = rule.items;
      const wrong = item ? value.map((v) => ruleError(item, v)).find(Boolean) : null;
      // A too short or too long item says so (its limits are the item's), anything else: 'items'.
      return wrong ? (wrong === 'too_short' || wrong === 'too_long' ? `item_${wrong}` : 'items') : null;
    }
    case 'number': {
      const n = typeof value === 'string' && /^-?\d+([.,]\d+)?$/.test(value.trim()) ? Number(value.trim().replace(',', '.')) : value;
      if (value === '') return 'required';
      if (typeof n !== 'number' || !Number.isFinite(n)) return 'range';
      return (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max) ? 'range' : null;
    }
    case 'object': // an item of a list: its first broken field speaks for it
      if (!value || typeof value !== 'object' || Array.isArray(value)) return 'invalid';
      return Object.values(checkFields(rule.fields || {}, /** @type {Record<string, any>} */ (value), ''))[0] || null;
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'invalid';
    case 'datetime': // with its offset, as the server's AwareDateTime wants
      return typeof value === 'string' && ZONED.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'invalid';
    default: // boolean: the server reads true/false in several spellings
      return null;
  }
}

/** @param {string} text @param {string[]} schemes */
function urlOk(text, schemes) {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return schemes.includes(url.protocol.slice(0, -1)) && !!url.hostname && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * What a mutation's (or a form's) arguments break: {field: code}, empty when
 * nothing. A nested form's fields are named inside it (`request.name`).
 * @param {string} name @param {Record<string, any>} args
 * @param {string} [today] YYYY-MM-DD: when she wrote it (an expert's last day is not before)
 * @returns {Errors}
 */
export function check(name, args, today = new Date().toISOString().slice(0, 10)) {
  const a = args || {};
  const found = checkFields(rulesOf(name), a, '');
  return { ...found, ...(BY_HAND[name]?.(a, today, found) || {}) };
}

/** @param {Record<string, Rule>} rules @param {Record<string, any>} args @param {string} prefix @returns {Errors} */
function checkFields(rules, args, prefix) {
  /** @type {Errors} */
  const found = {};
  for (const [field, rule] of Object.entries(rules)) {
    const value = args[field];
    if (rule.type === 'object' && rule.fields && value && typeof value === 'object') {
      Object.assign(found, checkFields(rule.fields, value, `${prefix}${field}.`));
      continue;
    }
    const code = ruleError(rule, value);
    if (code) found[prefix + field] = code;
  }
  return found;
}

/**
 * The rules a schema says in code (validates_schema, a mutator's own check),
 * by mutation: tests/unit/test_rules_agree.py holds each to the server.
 * `found`: what the fields' own rules found (marshmallow runs a schema's check only when they found nothing).
 * @type {Record<string, (a: Record<string, any>, today: string, found: Errors) => Errors>}
 */
const BY_HAND = {
  // membership.py: an expert needs her last day, and it is not in the past.
  'membership.invite': (a, today) =>
    a.role === 'expert' && !a.until ? one('until', 'required') : a.until && String(a.until) < today ? one('until', 'past') : {},
  // library/schemas.py: a link needs its address, a file practice has none.
  'resource.create': (a) =>
    a.kind === 'link' && !a.url ? one('url', 'required') : a.kind === 'file' && a.url ? one('url', 'url') : {},
  // org/schemas.py: staff.set names her by id or, when the phone does not hold her, by e-mail.
  'staff.set': (a) => (!a.user_id && !a.email ? one('email', 'required') : {}),
  // files/schemas.py: a file belongs to one parent: a post, a practice or a meeting.
  'attachment.add': (a) => {
    const given = PARENTS.filter((key) => a[key] != null);
    if (given.length === 1) return {};
    return Object.fromEntries((given.length > 1 ? given : PARENTS.slice(0, 2)).map((key) => [key, 'required']));
  },
  // meetings/schemas.py: it ends after it starts and lasts no more than max_hours.
  'meeting.create': (a, _today, found) => (Object.keys(found).length ? {} : meetingLength(a)),
  'meeting.update': (a, _today, found) => (Object.keys(found).length ? {} : meetingLength(a)),
  // surveys/schemas.py: a choice question has distinct options, the others none; ids are unique; it closes after it opens.
  'survey.create': (a, _today, found) => surveyShape(a, found),
  'survey.update': (a, _today, found) => surveyShape(a, found),
  // meetings/schemas.py: hours are counted in quarters.
  'attendance.hours': (a) =>
    typeof a.hours === 'number' && Number.isFinite(a.hours) && !Number.isInteger(a.hours / MEETING_LIMITS.hours_step)
      ? one('hours', 'quarters') : {},
};

const PARENTS = ['post_id', 'resource_id', 'meeting_id'];

/**
 * What a question's options break (surveys/schemas.py Question): a code, or null.
 * @param {Record<string, any>} q
 */
export function optionsError(q) {
  const options = (q?.options || []).map((/** @type {any} */ o) => (typeof o === 'string' ? o.trim() : o));
  if (q?.kind === 'single' || q?.kind === 'multiple') {
    if (options.length < SURVEY_LIMITS.options_min) return 'few_options';
    return new Set(options).size === options.length ? null : 'same_option';
  }
  return options.length ? 'no_options' : null;
}

/**
 * As marshmallow runs them: a question's own check once its fields are fine (a refusal names the
 * list), the survey's (dates, ids) once nothing else is wrong.
 * @param {Record<string, any>} a @param {Errors} found @returns {Errors}
 */
function surveyShape(a, found) {
  const questions = Array.isArray(a.questions) ? a.questions : [];
  const own = questions.some((q) => q && typeof q === 'object' && !Object.keys(checkFields(rulesOf('survey.create').questions.items?.fields || {}, q, '')).length && optionsError(q));
  if (own) return one('questions', 'question_options');
  if (Object.keys(found).length) return {};
  if (a.opens_at && a.closes_at && Date.parse(a.closes_at) <= Date.parse(a.opens_at)) return one('closes_at', 'closes_before');
  const ids = questions.map((q) => q?.id);
  return new Set(ids).size === ids.length ? {} : one('questions', 'same_question_id');
}

/** Both ends given and well formed: is the meeting's length possible? @param {Record<string, any>} a @returns {Errors} */
function meetingLength(a) {
  const datetime = { type: 'datetime' };
  if (!a.starts_at || !a.ends_at || ruleError(datetime, a.starts_at) || ruleError(datetime, a.ends_at)) return {};
  const length = Date.parse(a.ends_at) - Date.parse(a.starts_at);
  if (length <= 0) return one('ends_at', 'ends_before');
  return length > MEETING_LIMITS.max_hours * 3600_000 ? one('ends_at', 'meeting_too_long') : {};
}

/** @param {string} field @param {string} code @returns {Errors} */
function one(field, code) {
  return { [field]: code };
}
