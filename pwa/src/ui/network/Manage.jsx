/**
 * #/n/<id>/manage — the coordinator's (and staff admins') tools for one
 * network: members and requests to join, invitations, settings, and the end
 * of the school year. An archived network shows its members, read-only.
 */
import * as store from '../../store/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading } from '../bits.jsx';
import { canManage, isActive, isArchived } from '../rights.js';
import { ArchivedBadge, Facts } from './Facts.jsx';
import { Members } from './Members.jsx';
import { InviteForm } from './InviteForm.jsx';
import { SettingsForm } from './SettingsForm.jsx';
import { YearEnd } from './YearEnd.jsx';

/** @param {{me: {id: string}, networkId: string}} props */
export function Manage({ me, networkId }) {
  const data = useQuery(async () => {
    const [network, membership, user, members, staff, invites, requests] = await Promise.all([
      store.getRow('network', networkId),
      store.membershipIn(me.id, networkId),
      store.getRow('user', me.id),
      store.membersOf(networkId),
      store.staffPeople(),
      store.invitationsOf(networkId),
      store.joinRequestsOf(networkId),
    ]);
    return { network, membership, user, members, staff, invites, requests };
  }, [me.id, networkId]);

  if (!data) return <main class="page"><Loading /></main>;
  const { network, membership, user, members, staff, invites, requests } = data;
  const back = <BackLink href={`#/n/${networkId}`} label={network?.name || t('nav.back')} />;
  if (!network || !canManage(membership, user)) {
    return (
      <main class="page" data-testid="manage">
        {back}
        <p class="notice">{t('network.notFound')}</p>
      </main>
    );
  }
  const readonly = isArchived(network);
  return (
    <main class="page" data-testid="manage">
      {back}
      <h1>{t('manage.title')}</h1>
      <p class="facts">
        <Facts network={network} />
        <span class="badges">
          <ArchivedBadge network={network} />
        </span>
      </p>
      {readonly && <p class="notice" data-testid="manage-readonly">{t('manage.readonly')}</p>}
      {isActive(membership) ? (
        <Members key={network.id} network={network} members={members} requests={requests} readonly={readonly} />
      ) : (
        <p class="muted">{t('manage.membersHidden')}</p>
      )}
      {!readonly && (
        <>
          <Section title={t('invite.title')} testid="invite-section">
            <InviteForm networkId={network.id} waiting={invites} />
          </Section>
          <Section title={t('settings.title')} testid="settings-section">
            <SettingsForm key={network.id} network={network} />
          </Section>
          <Section title={t('year.title')} testid="year-section">
            <YearEnd network={network} staff={staff} />
          </Section>
        </>
      )}
    </main>
  );
}

/**
 * A tool folded under its title, so the page stays short on a phone. Only she
 * opens and closes it: a sync re-rendering the page never folds away what she
 * is reading (the invitation's confirmation).
 * @param {{title: string, testid: string, children: any}} props
 */
function Section({ title, testid, children }) {
  return (
    <details class="section" data-testid={testid}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}
