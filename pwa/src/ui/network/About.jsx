/**
 * #/n/<id>/about — a network seen from outside, opened from the catalogue:
 * what it is about, who coordinates it, and how to get in. An open network
 * takes her at once; a closed one takes her request, with a few words to the
 * coordinator if she likes (her school comes from her profile).
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { joinNetwork, leaveNetwork, limits } from '../../sync/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading, PendingMarker, PlainText } from '../bits.jsx';
import { Field, FormStatus, useForm, valueOf } from '../forms.jsx';
import { joinOption } from '../rights.js';
import { ArchivedBadge, Facts } from './Facts.jsx';

const MESSAGE = limits('membership.join', 'message');

/** @param {{me: {id: string}, networkId: string}} props */
export function About({ me, networkId }) {
  const data = useQuery(async () => {
    const [network, membership] = await Promise.all([
      store.getRow('network', networkId),
      store.membershipIn(me.id, networkId),
    ]);
    return { network, membership };
  }, [me.id, networkId]);
  if (!data) return <main class="page"><Loading /></main>;
  const { network, membership } = data;
  const back = <BackLink href="#/" label={t('nav.home')} />;
  if (!network) {
    return (
      <main class="page" data-testid="about">
        {back}
        <p class="notice">{t('network.notFound')}</p>
      </main>
    );
  }
  const option = joinOption(membership, network);
  const names = network.coordinator_names || [];
  return (
    <main class="page" data-testid="about">
      {back}
      <h1 data-testid="network-name">{network.name}</h1>
      <p class="facts">
        <Facts network={network} />
        <span class="badges">
          <ArchivedBadge network={network} />
        </span>
      </p>
      {network.description ? (
        <PlainText text={network.description} testid="about-description" />
      ) : (
        <p class="muted">{t('about.noDescription')}</p>
      )}
      <p data-testid="about-coordinator">
        <strong>{t('about.coordinator', { n: names.length })}</strong> {names.join(', ') || t('about.noCoordinator')}
      </p>
      <section class="card about-join" data-testid="about-join">
        <h2>{t('about.howToJoin')}</h2>
        <JoinPart network={network} membership={membership} option={option} />
      </section>
    </main>
  );
}

/** @param {{network: Record<string, any>, membership: Record<string, any>|null, option: string}} props */
function JoinPart({ network, membership, option }) {
  const form = useForm({ message: '' });
  const [busy, setBusy] = useState(false);
  const submit = form.submitter((v) => v.message, (message) => joinNetwork(network.id, message));
  if (option === 'member') {
    return <a class="btn-primary btn-block" href={`#/n/${network.id}`} data-testid="about-open">{t('about.open')}</a>;
  }
  if (option === 'pending') {
    return (
      <>
        <p class="ok" role="status" data-testid="about-pending">{t('about.pending')}</p>
        {membership?.pending && <PendingMarker />}
        <button type="button" class="btn-secondary btn-block" disabled={busy} data-testid="withdraw-request"
          onClick={() => { setBusy(true); leaveNetwork(network.id).finally(() => setBusy(false)); }}>
          {t('network.withdraw')}
        </button>
      </>
    );
  }
  if (option !== 'join' && option !== 'ask') {
    return <p class="muted" data-testid="about-closed">{t(`about.${option}`)}</p>;
  }
  if (option === 'join') {
    return (
      <>
        <p class="muted">{t('about.openHint')}</p>
        <button type="button" class="btn-primary btn-block" disabled={busy} data-testid="about-join-send"
          onClick={() => { setBusy(true); joinNetwork(network.id).finally(() => setBusy(false)); }}>
          {t('network.join')}
        </button>
      </>
    );
  }
  return (
    <form class="form" onSubmit={submit} noValidate>
      <p class="muted">{membership?.status === 'declined' ? t('network.declined') : t('about.closedHint')}</p>
      <Field id="join-message" label={t('about.message')} hint={t('about.messageHint')} error={form.errors.message}
        limits={MESSAGE}>
        <textarea id="join-message" rows={4} value={form.values.message} data-testid="about-message"
          onInput={(e) => form.set('message', valueOf(e))} />
      </Field>
      <FormStatus form={form} />
      <button type="submit" class="btn-primary btn-block" disabled={form.busy} data-testid="about-ask-send">
        {t('network.ask')}
      </button>
    </form>
  );
}
