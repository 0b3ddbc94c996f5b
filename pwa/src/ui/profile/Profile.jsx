/**
 * "Mój profil" (`profile.update`): name, how to speak of her (Pani, Pan or
 * neutrally: the functions below follow it), school, function, subjects. Saved
 * through the outbox like every write; her row shows the change at once. Below: her settings
 * (e-mail address, language, e-mail notifications, phone storage), devices and data.
 */
import * as store from '../../store/index.js';
import { updateProfile, FUNCTIONS, PERSON } from '../../sync/index.js';
import { useWithUser } from '../hooks.js';
import { t } from '../i18n.js';
import { Loading, PendingMarker } from '../bits.jsx';
import { Choice, Field, FormStatus, useForm, valueOf } from '../forms.jsx';
import { functionName } from '../grammar.js';
import { SchoolPicker } from './SchoolPicker.jsx';
import { SubjectChips } from './SubjectChips.jsx';
import { Passkeys } from './Passkeys.jsx';
import { Sessions } from './Sessions.jsx';
import { MyData } from './MyData.jsx';
import { ProfileSettings } from './ProfileSettings.jsx';

/** @param {{me: {id: string, name: string, email?: string}}} props */
export function Profile({ me }) {
  const data = useWithUser(me.id, async () => ({
    schools: await store.allRows('school'),
    shared: !!(await store.getRow('contact', me.id)), // her address goes to her networks: their contact row is here too
  }));
  if (!data) return <main class="page"><Loading /></main>;
  return <ProfileForm key={data.user ? 'loaded' : 'empty'} me={me} user={data.user} schools={data.schools} shared={data.shared} />;
}

/**
 * @param {{me: {id: string, name: string}, user: Record<string, any>|null, schools: Record<string, any>[],
 *   shared: boolean}} props
 */
function ProfileForm({ me, user, schools, shared }) {
  const form = useForm({
    name: user?.name || me.name || '',
    school_id: /** @type {string|null} */ (user?.school_id || null),
    function: user?.function || 'teacher',
    form_of_address: /** @type {string|null} */ (user?.form_of_address || null),
    subjects: /** @type {string[]} */ (user?.subjects || []),
    share_email: shared,
  });
  const v = form.values;
  const set = form.set;
  const submit = form.submitter((values) => {
    const args = { ...values, name: values.name.trim(), form_of_address: values.form_of_address || null };
    return args;
  }, updateProfile);

  return (
    <main class="page" data-testid="profile">
      <h1>{t('profile.title')}</h1>
      <form class="card form" onSubmit={submit} noValidate>
        <Field id="profile-name" label={t('profile.name')} error={form.errors.name} limits={PERSON}>
          <input id="profile-name" type="text" autoComplete="name" maxLength={PERSON.max} value={v.name}
            onInput={(e) => set('name', valueOf(e))} data-testid="profile-name" />
        </Field>
        <Field id="profile-school" label={t('profile.school')} error={form.errors.school_id}>
          <SchoolPicker schools={schools} value={v.school_id} onValue={(id) => set('school_id', id)} />
        </Field>
        <Choice name="profile-form" label={t('profile.form')} value={v.form_of_address || 'none'} testid="profile-form"
          error={form.errors.form_of_address} onValue={(f) => set('form_of_address', f === 'none' ? null : f)}
          options={['pani', 'pan', 'none'].map((f) => ({ value: f, label: t(`profile.form.${f}`), hint: t(`profile.form.${f}Hint`) }))} />
        <Field id="profile-function" label={t('profile.function')} error={form.errors.function}>
          <select id="profile-function" value={v.function} onChange={(e) => set('function', valueOf(e))}
            data-testid="profile-function">
            {FUNCTIONS.map((f) => <option key={f} value={f}>{functionName(f, v.form_of_address)}</option>)}
          </select>
        </Field>
        <Field id="profile-subject" label={t('profile.subjects')} error={form.errors.subjects}>
          <SubjectChips value={v.subjects} onValue={(list) => set('subjects', list)} />
        </Field>
        <label class="check share-email">
          <input type="checkbox" checked={v.share_email} data-testid="profile-share-email"
            onChange={(e) => set('share_email', /** @type {HTMLInputElement} */ (e.currentTarget).checked)} />
          <span>{t('profile.shareEmail')}<span class="choice-hint">{t('profile.shareEmailHint')}</span></span>
        </label>
        <FormStatus form={form} savedText={t('profile.saved')} testid="profile-saved" />
        {user?.pending && <PendingMarker />}
        <button type="submit" class="btn-primary btn-block" disabled={form.busy} data-testid="profile-save">
          {t('profile.save')}
        </button>
      </form>
      <ProfileSettings me={me} />
      <Passkeys />
      <Sessions />
      <MyData />
    </main>
  );
}
