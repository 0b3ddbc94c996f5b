/**
 * #/staff/poradnia — the Poradnia's name, address (the default meeting
 * place), e-mail and logo (`poradnia.update`, staff admins).
 */
import * as store from '../../store/index.js';
import { updatePoradnia, ADDRESS, NAME } from '../../sync/index.js';
import { useWithUser } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading, PendingMarker } from '../bits.jsx';
import { Field, FormStatus, useForm, valueOf } from '../forms.jsx';
import { isAdmin } from '../rights.js';
import { OnlyStaff } from './StaffHome.jsx';
import { LogoForm } from './LogoForm.jsx';

/** @param {{me: {id: string}}} props */
export function PoradniaPage({ me }) {
  const data = useWithUser(me.id, async () => ({ poradnia: await store.poradnia() }));
  if (!data) return <main class="page"><Loading /></main>;
  if (!isAdmin(data.user)) return <OnlyStaff />;
  return (
    <main class="page" data-testid="poradnia">
      <BackLink href="#/staff" label={t('staff.title')} />
      <h1>{t('poradnia.title')}</h1>
      {data.poradnia ? (
        <>
          <PoradniaForm poradnia={data.poradnia} />
          <LogoForm poradnia={data.poradnia} />
        </>
      ) : <p class="muted">{t('poradnia.none')}</p>}
    </main>
  );
}

/** @param {{poradnia: Record<string, any>}} props */
function PoradniaForm({ poradnia }) {
  const form = useForm({ name: poradnia.name || '', address: poradnia.address || '', email: poradnia.email || '' });
  const v = form.values;
  const set = form.set;
  const submit = form.submitter((values) => {
    const args = { name: values.name.trim(), address: values.address.trim(), email: values.email.trim() || null };
    return args;
  }, updatePoradnia);

  return (
    <form class="card form" onSubmit={submit} noValidate>
      <Field id="pp-name" label={t('poradnia.name')} error={form.errors.name} limits={NAME}>
        <input id="pp-name" type="text" maxLength={NAME.max} value={v.name} onInput={(e) => set('name', valueOf(e))} />
      </Field>
      <Field id="pp-address" label={t('poradnia.address')} error={form.errors.address} limits={ADDRESS}>
        <textarea id="pp-address" rows={2} maxLength={ADDRESS.max} value={v.address}
          onInput={(e) => set('address', valueOf(e))} />
      </Field>
      <Field id="pp-email" label={t('poradnia.email')} error={form.errors.email}>
        <input id="pp-email" type="email" inputMode="email" autoCapitalize="off" value={v.email}
          onInput={(e) => set('email', valueOf(e))} />
      </Field>
      <FormStatus form={form} savedText={t('settings.saved')} />
      {poradnia.pending && <PendingMarker />}
      <button type="submit" class="btn-primary btn-block" disabled={form.busy}>{t('poradnia.save')}</button>
    </form>
  );
}
