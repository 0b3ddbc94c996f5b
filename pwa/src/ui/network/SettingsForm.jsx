/**
 * "Ustawienia sieci": name, topic, description, recruitment and the member
 * limit, sent as one `network.update` with only what changed.
 */
import { updateNetwork, DESCRIPTION, MEMBERS, NAME, TOPIC } from '../../sync/index.js';
import { t } from '../i18n.js';
import { recruitmentOptions } from '../requests/RequestFields.jsx';
import { Choice, Field, FormStatus, useForm, valueOf, wholeNumber } from '../forms.jsx';

const FIELDS = /** @type {const} */ (['name', 'topic', 'description', 'recruitment', 'capacity']);

/** @param {{network: Record<string, any>}} props */
export function SettingsForm({ network }) {
  const form = useForm({
    name: network.name || '',
    topic: network.topic || '',
    description: network.description || '',
    recruitment: network.recruitment || 'open',
    capacity: network.capacity == null ? '' : String(network.capacity),
  });
  const v = form.values;
  const set = form.set;

  /** Only what changed goes to `network.update`. @param {typeof v} values */
  const changes = (values) => {
    /** @type {Record<string, any>} */
    const wanted = { ...values, capacity: values.capacity.trim() === '' ? null : wholeNumber(values.capacity) };
    /** @type {Record<string, any>} */
    const changed = {};
    for (const key of FIELDS) {
      const value = typeof wanted[key] === 'string' ? wanted[key].trim() : wanted[key];
      if (value !== (network[key] ?? (key === 'capacity' ? null : ''))) changed[key] = value;
    }
    return changed;
  };
  const submit = form.submitter(changes, async (changed) => {
    if (Object.keys(changed).length) await updateNetwork(network.id, changed);
  });

  return (
    <section data-testid="settings">
      <form class="card form" onSubmit={submit} noValidate>
        <Field id="set-name" label={t('settings.name')} error={form.errors.name} limits={NAME}>
          <input id="set-name" type="text" maxLength={NAME.max} value={v.name}
            onInput={(e) => set('name', valueOf(e))} data-testid="settings-name" />
        </Field>
        <Field id="set-topic" label={t('settings.topic')} error={form.errors.topic} limits={TOPIC}>
          <input id="set-topic" type="text" maxLength={TOPIC.max} value={v.topic}
            onInput={(e) => set('topic', valueOf(e))} data-testid="settings-topic" />
        </Field>
        <Field id="set-desc" label={t('settings.description')} hint={t('settings.descriptionHint')}
          error={form.errors.description} limits={DESCRIPTION}>
          <textarea id="set-desc" rows={4} maxLength={DESCRIPTION.max} value={v.description}
            onInput={(e) => set('description', valueOf(e))} data-testid="settings-description" />
        </Field>
        <Choice
          name="set-recruitment"
          label={t('settings.recruitment')}
          value={v.recruitment}
          error={form.errors.recruitment}
          testid="settings-recruitment"
          onValue={(value) => set('recruitment', value)}
          options={recruitmentOptions()}
        />
        <Field id="set-cap" label={t('settings.capacity')} hint={t('settings.capacityHint')}
          error={form.errors.capacity} limits={MEMBERS}>
          <input id="set-cap" type="text" inputMode="numeric" pattern="[0-9]*" class="short" value={v.capacity}
            onInput={(e) => set('capacity', valueOf(e))} data-testid="settings-capacity" />
        </Field>
        <FormStatus form={form} savedText={t('settings.saved')} testid="settings-saved" />
        <button type="submit" class="btn-primary btn-block" disabled={form.busy} data-testid="settings-save">
          {t('settings.save')}
        </button>
      </form>
    </section>
  );
}
