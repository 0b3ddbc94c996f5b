/**
 * The limits docs/sync-protocol.md sets on a mutation's arguments, in one
 * place: the forms check them before writing, the local mutators refuse what
 * breaks them (the server checks again and has the last word).
 * Each check returns {field: code}; codes are explained by `field.<code>`.
 */

/** @typedef {Record<string, string>} Errors */

export const NAME = { min: 3, max: 200 };
export const TOPIC = { min: 2, max: 200 };
export const JUSTIFICATION = { min: 10, max: 5000 };
export const DESCRIPTION = { min: 0, max: 5000 };
export const MEMBERS = { min: 2, max: 500 }; // expected members, capacity
export const REASON = { min: 3, max: 2000 };
export const PERSON = { min: 3, max: 120 };
export const TOWN = { min: 2, max: 120 };
export const ADDRESS = { min: 5, max: 300 };
export const SUBJECT = { min: 2, max: 60 };
export const SUBJECTS_MAX = 12;
export const KINDS = ['subject', 'problem'];
export const RECRUITMENT = ['open', 'closed'];
export const FUNCTIONS = ['teacher', 'director', 'governing_body', 'pedagogue', 'psychologist', 'career_counsellor'];
export const SCHOOL_KINDS = [
  'przedszkole',
  'szkoła podstawowa',
  'liceum ogólnokształcące',
  'technikum',
  'szkoła branżowa',
  'szkoła specjalna',
  'zespół szkół',
  'inna placówka',
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SCHOOL_YEAR = /^20\d\d\/20\d\d$/;

/**
 * Text between min and max characters once trimmed; '' is 'required' when min > 0.
 * @param {unknown} value @param {{min: number, max: number}} limits
 */
export function textError(value, { min, max }) {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) return min > 0 ? 'required' : null;
  if (v.length < min) return 'too_short';
  if (v.length > max) return 'too_long';
  return null;
}

/** A whole number within limits. @param {unknown} value @param {{min: number, max: number}} limits */
export function numberError(value, { min, max }) {
  if (value === null || value === undefined || value === '') return 'required';
  return Number.isInteger(value) && Number(value) >= min && Number(value) <= max ? null : 'range';
}

/** @param {unknown} value @param {string[]} options */
const choiceError = (value, options) => (options.includes(/** @type {string} */ (value)) ? null : 'choose');

/** @param {unknown} value */
export const emailError = (value) =>
  typeof value === 'string' && EMAIL.test(value.trim()) ? null : value ? 'email' : 'required';

/**
 * Only the failing checks, as {field: code}.
 * @param {Record<string, string | null>} checks
 * @returns {Errors}
 */
function only(checks) {
  /** @type {Errors} */
  const found = {};
  for (const [field, code] of Object.entries(checks)) if (code) found[field] = code;
  return found;
}

/** `network_request.create` (and the request inside the public form). @param {any} a */
export const requestErrors = (a) =>
  only({
    name: textError(a.name, NAME),
    kind: choiceError(a.kind, KINDS),
    topic: textError(a.topic, TOPIC),
    justification: textError(a.justification, JUSTIFICATION),
    recruitment: choiceError(a.recruitment, RECRUITMENT),
    expected_members: numberError(a.expected_members, MEMBERS),
  });

/** `network.update`: only the fields given are checked. @param {any} a */
export const settingsErrors = (a) =>
  only({
    name: 'name' in a ? textError(a.name, NAME) : null,
    topic: 'topic' in a ? textError(a.topic, TOPIC) : null,
    description: 'description' in a ? textError(a.description, DESCRIPTION) : null,
    recruitment: 'recruitment' in a ? choiceError(a.recruitment, RECRUITMENT) : null,
    capacity: 'capacity' in a && a.capacity !== null ? numberError(a.capacity, MEMBERS) : null,
  });

/** `membership.invite`; `today` is YYYY-MM-DD. @param {any} a @param {string} today */
export const inviteErrors = (a, today) =>
  only({
    email: emailError(a.email),
    role: choiceError(a.role, ['member', 'expert']),
    until:
      a.role === 'expert' && !a.until ? 'required' : a.until && String(a.until) < today ? 'past' : null,
  });

/** `profile.update`: only the fields given. @param {any} a */
export const profileErrors = (a) =>
  only({
    name: 'name' in a ? textError(a.name, PERSON) : null,
    function: 'function' in a ? choiceError(a.function, FUNCTIONS) : null,
    subjects:
      'subjects' in a
        ? a.subjects.length > SUBJECTS_MAX
          ? 'too_many'
          : a.subjects.some((/** @type {string} */ s) => textError(s, SUBJECT))
            ? 'subject'
            : null
        : null,
  });

/** `school.create` (every field) or `school.update` (the fields given). @param {any} a @param {boolean} all */
export const schoolErrors = (a, all) =>
  only({
    name: all || 'name' in a ? textError(a.name, NAME) : null,
    town: all || 'town' in a ? textError(a.town, TOWN) : null,
    kind: all || 'kind' in a ? choiceError(a.kind, SCHOOL_KINDS) : null,
    rspo: a.rspo ? (/^\d{1,10}$/.test(a.rspo) ? null : 'rspo') : null,
  });

/** `poradnia.update`: only the fields given. @param {any} a */
export const poradniaErrors = (a) =>
  only({
    name: 'name' in a ? textError(a.name, NAME) : null,
    address: 'address' in a ? textError(a.address, ADDRESS) : null,
    email: 'email' in a && a.email ? emailError(a.email) : null,
  });

/** The Polish school year (September to August) of a moment. @param {string} iso */
export function schoolYearOf(iso) {
  const d = new Date(iso);
  const start = d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${start}/${start + 1}`;
}

/** "2026/2027" → "2027/2028"; null for anything else. @param {string|null|undefined} year */
export function nextSchoolYear(year) {
  if (!year || !SCHOOL_YEAR.test(year)) return null;
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}/${start + 1}`;
}
