/**
 * "Wniosek o utworzenie sieci" for a signed-in person: `network_request.create`
 * through the outbox, so it can be written offline. The fields are a draft on
 * the device until it is sent.
 */
import { askForNetwork } from '../../sync/index.js';
import { go } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink } from '../bits.jsx';
import { FormStatus, useDraftForm } from '../forms.jsx';
import { EMPTY_REQUEST, RequestFields, requestArgs } from './RequestFields.jsx';

export function AskNetwork() {
  const form = useDraftForm('form:network-request', EMPTY_REQUEST);
  const submit = form.submitter(
    (values) => {
      const args = requestArgs(values);
      return args;
    },
    (args) => askForNetwork(/** @type {any} */ (args)),
    () => {
      form.clear();
      go('#/requests');
    },
  );
  return (
    <main class="page" data-testid="ask-network">
      <BackLink href="#/requests" label={t('requests.title')} />
      <h1>{t('ask.title')}</h1>
      <form class="card form" onSubmit={submit} noValidate>
        <RequestFields values={form.values} errors={form.errors} set={form.set} />
        <FormStatus form={form} />
        <button type="submit" class="btn-primary btn-block" disabled={form.busy} data-testid="rq-send">
          {t('ask.send')}
        </button>
      </form>
    </main>
  );
}
