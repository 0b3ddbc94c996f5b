/**
 * Form pieces for thumbs: labelled fields with their error under them, choices
 * as large tappable cards, and a form state that is kept as a draft on the
 * device while she types (a long request survives a reload or a dead battery).
 */
import { useState } from 'preact/hooks';
import { t } from './i18n.js';
import { useDraft } from './hooks.js';
import { MutationError } from '../sync/index.js';

/**
 * Why a field was refused: a code from sync/rules.js (explained in words),
 * or the server's own words (a string or a list of them).
 * @param {{error: any, min?: number, max?: number, testid?: string}} props
 */
export function FieldError({ error, min, max, testid }) {
  if (!error) return null;
  const words = Array.isArray(error)
    ? error.join(' ')
    : /^[a-z_]+$/.test(String(error))
      ? t(`field.${error}`, { min: min ?? '', max: max ?? '' })
      : String(error);
  return (
    <p class="field-error" role="alert" data-testid={testid}>
      {words}
    </p>
  );
}

/**
 * How long the text is against its limit, under a field that takes no more than
 * `max`. The field itself never cuts (a pasted text stays whole): past the limit
 * this says by how much, in place of the error a too-long text would get.
 * @param {{value: string, max: number, error?: any, testid?: string}} props
 */
export function LengthNote({ value, max, error, testid }) {
  const len = value.trim().length;
  if (len > max) {
    return (
      <p class="field-error" role="alert" data-testid={testid}>
        {t('field.over', { n: len - max, max })}
      </p>
    );
  }
  return (
    <>
      <FieldError error={error === 'too_long' ? null : error} max={max} />
      {len > 0 && <p class="field-count" data-testid={testid}>{t('field.count', { len, max })}</p>}
    </>
  );
}

/**
 * A label, an optional hint, the control and its error.
 * @param {{id: string, label: string, hint?: string, error?: any,
 *   limits?: {min?: number, max?: number}, children: any}} props
 */
export function Field({ id, label, hint, error, limits, children }) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && <p class="field-hint">{hint}</p>}
      {children}
      <FieldError error={error} min={limits?.min} max={limits?.max} />
    </div>
  );
}

/**
 * One of a few options, each a card with a line of explanation.
 * @param {{name: string, label: string, value: string, error?: any, testid?: string,
 *   options: {value: string, label: string, hint?: string}[], onValue: (v: string) => void}} props
 */
export function Choice({ name, label, value, options, onValue, error, testid }) {
  return (
    <fieldset class={`field choice${error ? ' has-error' : ''}`} data-testid={testid}>
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} class={`choice-item${value === o.value ? ' is-on' : ''}`}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onValue(o.value)}
            data-testid={testid && `${testid}-${o.value}`}
          />
          <span>
            <strong>{o.label}</strong>
            {o.hint && <span class="choice-hint">{o.hint}</span>}
          </span>
        </label>
      ))}
      <FieldError error={error} />
    </fieldset>
  );
}

/** The value of an input event. @param {Event} e */
export const valueOf = (e) => /** @type {HTMLInputElement} */ (e.currentTarget).value;

/**
 * Form values kept as a draft on the device (JSON under `key`), with errors.
 * @template {Record<string, any>} V
 * @param {string} key @param {V} initial
 */
export function useDraftForm(key, initial) {
  const [raw, setRaw, clear] = useDraft(key, '');
  /** @type {V} */
  let values = initial;
  try {
    if (raw) values = { ...initial, ...JSON.parse(raw) };
  } catch {
    /* a damaged draft: start again */
  }
  return useFormCore(values, (v) => setRaw(JSON.stringify(v)), clear);
}

/**
 * Form values held only while the screen is open (a signed-out visitor's
 * details are not kept on a device someone else may use next).
 * @template {Record<string, any>} V
 * @param {V} initial
 */
export function useForm(initial) {
  const [values, setValues] = useState(initial);
  return useFormCore(values, setValues, () => setValues(initial));
}

/**
 * Values, errors, and the form's onSubmit: `submitter(prepare, write, after)`
 * writes the args prepare gives, then shows "saved" or calls after. The form
 * checks nothing itself: the local mutator checks the server's rules
 * (sync/rules.js) and its refusal lands on the fields.
 * @template {Record<string, any>} V
 * @param {V} values @param {(v: V) => void} write @param {() => void} clear
 */
function useFormCore(values, write, clear) {
  const [errors, setErrors] = useState(/** @type {Record<string, any>} */ ({}));
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  /** @param {keyof V} field @param {any} value */
  const set = (field, value) => {
    write({ ...values, [field]: value });
    setSaved(false);
    if (errors[/** @type {string} */ (field)]) setErrors({ ...errors, [field]: undefined });
  };
  /**
   * @template A, R
   * @param {(v: V) => A} prepare
   * @param {(args: A) => Promise<R>} writeArgs
   * @param {(result: R, args: A) => void} [after]
   */
  const submitter = (prepare, writeArgs, after) => async (/** @type {Event} */ e) => {
    e.preventDefault();
    const args = prepare(values);
    setErrors({});
    setBusy(true);
    try {
      const result = await writeArgs(args);
      setSaved(true);
      after?.(result, args);
    } catch (err) {
      setErrors(refusal(err));
    } finally {
      setBusy(false);
    }
  };
  return { values, set, errors, setErrors, clear, saved, busy, submitter };
}

/**
 * What a failed write says, field by field: a local mutator's refusal names
 * the fields that break the server's rules; anything else fails the form.
 * @param {unknown} err @returns {Record<string, any>}
 */
export const refusal = (err) => (err instanceof MutationError && err.fields ? err.fields : { form: String(err) });

/**
 * Under a form: why the write failed as a whole, or that it was saved.
 * @param {{form: {errors: Record<string, any>, saved: boolean}, savedText?: string, testid?: string}} props
 */
export function FormStatus({ form, savedText, testid }) {
  if (form.errors.form) return <FieldError error={t('write.failed', { message: form.errors.form })} />;
  if (Object.values(form.errors).some(Boolean)) return <FieldError error={t('form.fixErrors')} />;
  if (form.saved && savedText) {
    return (
      <p class="ok" role="status" data-testid={testid}>
        {savedText}
      </p>
    );
  }
  return null;
}

/**
 * What a number field holds, for a mutation: digits become a number; '' and
 * anything else stay text, which the rules refuse with a word about it.
 * @param {string} text
 */
export const wholeNumber = (text) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim());
