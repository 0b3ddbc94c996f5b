/**
 * One good practice: what it is for, its files (each can be kept on the phone
 * "dostępne offline") or its link, the post it came from; edit and delete for
 * its author and the network's coordinator.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { deleteResource, attach, keepAttachmentOffline, forgetOffline, removeAttachment } from '../../sync/index.js';
import { useQuery, useSyncState, go } from '../hooks.js';
import { t } from '../i18n.js';
import { formatTime } from '../format.js';
import { BackLink, Confirm, Loading, PendingMarker } from '../bits.jsx';
import { isActive, isArchived } from '../rights.js';
import { AttachmentList } from '../forum/Attachments.jsx';
import { FilePicker } from '../forum/FilePicker.jsx';
import { PostBody } from '../forum/PostParts.jsx';
import { ResourceForm } from './ResourceForm.jsx';
import { Overwritten } from './Overwritten.jsx';
import '../forum/forum.css';
import { Icon } from '../forum/Icon.jsx';

/** @param {{me: {id: string}, resourceId: string}} props */
export function ResourceView({ me, resourceId }) {
  const data = useQuery(async () => {
    const bundle = await store.resourceBundle(resourceId);
    const networkId = bundle.resource?.network_id;
    const [names, membership, network, post, kept] = await Promise.all([
      store.userNames(),
      networkId ? store.membershipIn(me.id, networkId) : null,
      networkId ? store.getRow('network', networkId) : null,
      bundle.resource?.from_post_id ? store.getRow('post', bundle.resource.from_post_id) : null,
      store.overwrittenOf(resourceId),
    ]);
    return { ...bundle, names, membership, network, post, kept };
  }, [resourceId, me.id]);
  const sync = useSyncState();
  const [mode, setMode] = useState(/** @type {'view'|'edit'|'delete'} */ ('view'));

  if (!data) return <main class="page"><Loading /></main>;
  const { resource, attachments, local, names, membership, network, post, kept } = data;
  if (!resource) {
    return (
      <main class="page" data-testid="resource">
        <BackLink href="#/" label={t('nav.home')} />
        <p class="notice">{t('library.notFound')}</p>
      </main>
    );
  }
  const mine = resource.author_id === me.id;
  const mayEdit = !isArchived(network) && isActive(membership) && (mine || membership?.role === 'coordinator');

  return (
    <main class="page" data-testid="resource" data-resource-id={resource.id}>
      <BackLink href={`#/n/${resource.network_id}/library`} label={t('library.heading')} />
      <h1 data-testid="resource-heading">{resource.title}</h1>
      <p class="item-meta">
        {[resource.school_level && t(`level.${resource.school_level}`), resource.subject].filter(Boolean).join(' · ')}
      </p>
      {(resource.tags || []).length > 0 && <p class="item-meta tags">{resource.tags.map((/** @type {string} */ x) => `#${x}`).join(' ')}</p>}
      <p class="muted small">
        {mine
          ? t('library.addedByYou', { time: formatTime(resource.created_at) })
          : t('library.addedBy', { name: names.get(resource.author_id) || t('thread.unknownAuthor'), time: formatTime(resource.created_at) })}
      </p>
      {resource.pending && <PendingMarker />}
      {kept && mode === 'view' && <Overwritten resource={resource} kept={kept} names={names} mayEdit={mayEdit} />}
      {mode === 'edit' ? (
        <ResourceForm networkId={resource.network_id} resource={resource} onDone={() => setMode('view')} />
      ) : (
        <>
          {resource.kind === 'link' && resource.url && (
            <a class="btn-secondary btn-block" href={resource.url} target="_blank" rel="noopener noreferrer" data-testid="resource-link">
              <Icon name="link" /> {t('library.openLink')}
            </a>
          )}
          {resource.description && <PostBody body={resource.description} />}
          {resource.from_post_id && (
            <p class="small">
              {post ? <a href={`#/t/${post.thread_id}`} data-testid="resource-from-post">{t('library.fromPost', { name: names.get(post.author_id) || '' })}</a> : t('library.fromPostGone')}
            </p>
          )}
          <AttachmentList attachments={attachments} local={local} onRemove={mine && mayEdit ? removeAttachment : undefined} />
          <OfflineToggle attachments={attachments} local={local} online={sync.online} />
          {mine && mayEdit && resource.kind === 'file' && <MoreFiles resourceId={resource.id} />}
        </>
      )}
      {mayEdit && mode === 'view' && (
        <div class="post-actions">
          <button type="button" class="btn-link" data-testid="resource-edit" onClick={() => setMode('edit')}>{t('thread.edit')}</button>
          <button type="button" class="btn-link danger" data-testid="resource-delete" onClick={() => setMode('delete')}>{t('thread.delete')}</button>
        </div>
      )}
      {mode === 'delete' && (
        <Confirm question={t('library.deleteQuestion')} yes={t('thread.deleteConfirm')} testid="resource-delete-confirm" yesTestid="resource-delete-yes"
          onYes={() => deleteResource(resource.id).then(() => go(`#/n/${resource.network_id}/library`))} onNo={() => setMode('view')} />
      )}
    </main>
  );
}

/**
 * "Dostępne offline": download every file of the practice into the phone, or let them go.
 * @param {{attachments: Record<string, any>[], local: Map<string, boolean>, online: boolean}} props
 */
function OfflineToggle({ attachments, local, online }) {
  const [state, setState] = useState(/** @type {''|'busy'|'failed'} */ (''));
  const onServer = attachments.filter((a) => !a.pending);
  if (!onServer.length) return null;
  const kept = onServer.every((a) => local.get(a.sha256) === true);
  const toggle = async () => {
    setState('busy');
    try {
      for (const a of onServer) await (kept ? forgetOffline(a.sha256) : keepAttachmentOffline(/** @type {any} */ (a)));
      setState('');
    } catch {
      setState('failed');
    }
  };
  return (
    <div class="offline-keep">
      <label class="check" data-testid="offline-keep">
        <input type="checkbox" checked={kept} disabled={state === 'busy' || (!kept && !online)} onChange={toggle} data-testid="offline-keep-input" />
        <span>{kept ? t('library.offlineKept') : t('library.offlineKeep')}</span>
      </label>
      {!kept && !online && <p class="hint">{t('library.offlineNeedsNet')}</p>}
      {state === 'failed' && <p class="field-error">{t('library.offlineFailed')}</p>}
    </div>
  );
}

/** Her own file practice: more files later. @param {{resourceId: string}} props */
function MoreFiles({ resourceId }) {
  const [files, setFiles] = useState(/** @type {import('../../store/files.js').Picked[]} */ ([]));
  return (
    <div class="more-files">
      <FilePicker id="res-more" files={files} onFiles={setFiles} />
      {files.length > 0 && (
        <button type="button" class="btn-primary" data-testid="resource-attach" onClick={() => attach({ resource_id: resourceId }, files).then(() => setFiles([]))}>
          {t('files.attachNow', { n: files.length })}
        </button>
      )}
    </div>
  );
}
