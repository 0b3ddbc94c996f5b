/**
 * One thread: posts oldest first, then the reply box.
 */
import * as store from '../store/index.js';
import { useQuery, useSyncState } from './hooks.js';
import { t } from './i18n.js';
import { BackLink, Loading } from './bits.jsx';
import { PostItem } from './PostItem.jsx';
import { ReplyBox } from './ReplyBox.jsx';
import { canReply, isArchived } from './rights.js';

/** A long thread: the reply box is far below, one tap takes her there. */
function jumpToReply() {
  const box = document.getElementById('reply-input');
  box?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  box?.focus({ preventScroll: true });
}

/** @param {{me: {id: string, name: string}, threadId: string}} props */
export function ThreadView({ me, threadId }) {
  const data = useQuery(async () => {
    const thread = await store.getRow('thread', threadId);
    const [posts, names, network, membership] = await Promise.all([
      store.postsOf(threadId),
      store.userNames(),
      thread ? store.getRow('network', thread.network_id) : null,
      thread ? store.membershipIn(me.id, thread.network_id) : null,
    ]);
    return { thread, posts, names, network, membership };
  }, [threadId, me.id]);
  const sync = useSyncState();

  if (!data) return <main class="page"><Loading /></main>;
  const { thread, posts, names, network, membership } = data;
  if (!thread) {
    return (
      <main class="page" data-testid="thread">
        <BackLink href="#/" label={t('nav.home')} />
        <p class="notice">{t('thread.notFound')}</p>
      </main>
    );
  }

  return (
    <main class="page" data-testid="thread" data-thread-id={thread.id}>
      <BackLink href={`#/n/${thread.network_id}`} label={network?.name || t('nav.back')} />
      <h1 data-testid="thread-heading">{thread.title}</h1>
      {posts.length > 3 && canReply(membership, network) && (
        <button type="button" class="btn-link" data-testid="jump-to-reply" onClick={jumpToReply}>
          ↓ {t('thread.jumpToReply')}
        </button>
      )}
      <ol class="posts" data-testid="post-list">
        {posts.map((p) => (
          <PostItem
            key={p.id}
            post={p}
            mine={p.author_id === me.id}
            editable={p.author_id === me.id && canReply(membership, network)}
            author={p.author_id === me.id ? names.get(me.id) || me.name : names.get(p.author_id)}
          />
        ))}
      </ol>
      {canReply(membership, network) ? (
        <ReplyBox threadId={thread.id} offline={!sync.online} />
      ) : (
        isArchived(network) && <p class="notice">{t('network.archived')}</p>
      )}
    </main>
  );
}
