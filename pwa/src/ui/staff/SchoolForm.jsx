/**
 * One school's details: `school.create` for a new one, `school.update` for a
 * known one. Staff keep the list teachers choose their school from.
 */
import { saveSchool, NAME, SCHOOL_KINDS, TOWN } from '../../sync/index.js';
import { t } from '../i18n.js';
import { Field, FormStatus, useForm, valueOf } from '../forms.jsx';

/** @param {{school?: Record<string, any>, onDone: () => void}} props */
export function SchoolForm({ school, onDone }) {
  const form = useForm({
    name: school?.name || '',
    town: school?.town || '',
    kind: school?.kind || 'szkoła podstawowa',
    rspo: school?.rspo || '',
  });
  const v = form.values;
  const prefix = school ? `school-${school.id}` : 'school-new';

  const submit = form.submitter(
    (values) => {
      const args = { name: values.name.trim(), town: values.town.trim(), kind: values.kind, rspo: values.rspo.trim() };
      return args;
    },
    (args) => saveSchool({ ...(school ? { id: school.id } : {}), ...args }),
    onDone,
  );

  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="school-form">
      <Field id={`${prefix}-name`} label={t('schools.name')} error={form.errors.name} limits={NAME}>
        <input id={`${prefix}-name`} type="text" maxLength={NAME.max} value={v.name}
          onInput={(e) => form.set('name', valueOf(e))} data-testid="school-name" />
      </Field>
      <Field id={`${prefix}-town`} label={t('schools.town')} error={form.errors.town} limits={TOWN}>
        <input id={`${prefix}-town`} type="text" maxLength={TOWN.max} value={v.town}
          onInput={(e) => form.set('town', valueOf(e))} data-testid="school-town" />
      </Field>
      <Field id={`${prefix}-kind`} label={t('schools.kind')} error={form.errors.kind}>
        <select id={`${prefix}-kind`} value={v.kind} onChange={(e) => form.set('kind', valueOf(e))} data-testid="school-kind">
          {SCHOOL_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </Field>
      <Field id={`${prefix}-rspo`} label={t('schools.rspo')} error={form.errors.rspo === 'format' ? t('field.rspo') : form.errors.rspo}>
        <input id={`${prefix}-rspo`} type="text" inputMode="numeric" pattern="[0-9]*" maxLength={10} class="short"
          value={v.rspo} onInput={(e) => form.set('rspo', valueOf(e))} data-testid="school-rspo" />
      </Field>
      <FormStatus form={form} />
      <div class="row">
        <button type="submit" class="btn-primary" disabled={form.busy} data-testid="school-save">{t('schools.save')}</button>
        <button type="button" class="btn-secondary" onClick={onDone}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
