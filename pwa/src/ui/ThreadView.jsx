/**
 * One thread: its tools (star; pin and lock for the coordinator), "Wcześniejsze
 * wpisy" when the device holds fewer posts than the thread has, the posts
 * oldest first, then the reply box. Opening it marks it read up to its newest
 * post (thread.state: the same on all her devices).
 */
import { useEffect, useState } from 'preact/hooks';
import * as store from '../store/index.js';
import { markThreadRead } from '../sync/index.js';
import { useQuery, useSyncState } from './hooks.js';
import { t } from './i18n.js';
import { BackLink, Loading } from './bits.jsx';
import { PostItem } from './PostItem.jsx';
import { ReplyBox } from './ReplyBox.jsx';
import { canManage, canReply, canStartThreads, isArchived } from './rights.js';
import { ThreadTools, OlderPosts } from './forum/ThreadTools.jsx';
import './forum/forum.css';

/** A long thread: the reply box is far below, one tap takes her there. */
function jumpToReply() {
  const box = document.getElementById('reply-input');
  box?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  box?.focus({ preventScroll: true });
}

/**
 * Tells a screen reader of posts by others arriving while she reads (sync brings them).
 * @param {{count: number}} props how many posts of others the thread shows now
 */
function NewPostsLive({ count }) {
  const [seen, setSeen] = useState(count);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (count > seen) setSaid(t('forum.newArrived', { n: count - seen }));
    setSeen(count);
  }, [count]);
  return <p class="sr-only" aria-live="polite" data-testid="new-posts-live">{said}</p>;
}

/** @param {{me: {id: string, name: string}, threadId: string, focus?: string}} props focus: a post to show */
export function ThreadView({ me, threadId, focus }) {
  const data = useQuery(async () => {
    const bundle = await store.threadBundle(threadId);
    const networkId = bundle.thread?.network_id;
    const [notes, names, network, membership, user, members, promoted, categories] = await Promise.all([
      store.notificationList(),
      store.userNames(t('thread.deletedAccount')),
      networkId ? store.getRow('network', networkId) : null,
      networkId ? store.membershipIn(me.id, networkId) : null,
      store.getRow('user', me.id),
      networkId ? store.membersOf(networkId) : [],
      networkId ? store.promotedPosts(networkId) : new Map(),
      networkId ? store.categoriesOf(networkId) : [],
    ]);
    const active = members.filter((m) => m.status === 'active' && m.user_id !== me.id);
    const unread = notes.filter((n) => n.thread_id === threadId && !n.read_at);
    return { ...bundle, unread, names, network, membership, user, members: active, promoted, categories };
  }, [threadId, me.id]);
  const sync = useSyncState();
  const [quoting, setQuoting] = useState(/** @type {{post: any, author: string} | null} */ (null));

  // Read up to the newest post of others held: its server time, not the phone's
  // clock. Her own posts need no reading (and make no extra write). Reading also
  // reads what the bell told of here, even in a thread read before.
  const newest = data?.posts.reduce((top, p) => (p.author_id !== me.id && p.created_at > top ? p.created_at : top), '') || '';
  const toldHere = !!newest && !!data?.unread.some((n) => Date.parse(n.created_at) <= Date.parse(newest));
  useEffect(() => {
    if (!data?.thread || !newest || !canReply(data.membership, null)) return;
    const readAt = data.state?.read_at;
    if (!readAt || Date.parse(readAt) < Date.parse(newest) || toldHere) markThreadRead(threadId, newest).catch(() => {});
  }, [threadId, newest, toldHere, !!data?.thread]);

  const loaded = !!data;
  useEffect(() => {
    if (!loaded || !focus) return;
    requestAnimationFrame(() => document.getElementById(`post-${focus}`)?.scrollIntoView({ block: 'start' }));
  }, [focus, loaded]);

  if (!data) return <main class="page"><Loading /></main>;
  const { thread, posts, names, network, membership, user } = data;
  if (!thread) {
    return (
      <main class="page" data-testid="thread">
        <BackLink href="#/" label={t('nav.home')} />
        <p class="notice">{t('thread.notFound')}</p>
      </main>
    );
  }
  const manager = canManage(membership, user) && !isArchived(network);
  const replying = canReply(membership, network) && (!thread.locked || manager);
  const byId = new Map(posts.map((p) => [p.id, p]));
  /** @param {any} post */
  const quote = (post) => {
    setQuoting({ post, author: post.author_id === me.id ? t('thread.you') : names.get(post.author_id) || t('thread.unknownAuthor') });
    jumpToReply();
  };
  const ctx = { meId: me.id, names, local: data.local, canReply: canReply(membership, network), canPromote: canStartThreads(membership, network), onQuote: quote };

  return (
    <main class="page" data-testid="thread" data-thread-id={thread.id}>
      <BackLink href={`#/n/${thread.network_id}`} label={network?.name || t('nav.back')} />
      <h1 data-testid="thread-heading">{thread.title}</h1>
      <ThreadTools thread={thread} starred={!!data.state?.starred} manager={manager} reader={canReply(membership, null)}
        categories={data.categories} mayMove={manager || (thread.author_id === me.id && canReply(membership, network))} />
      {posts.length > 3 && replying && (
        <button type="button" class="btn-link" data-testid="jump-to-reply" onClick={jumpToReply}>
          ↓ {t('thread.jumpToReply')}
        </button>
      )}
      <OlderPosts thread={thread} posts={posts} online={sync.online} />
      <ol class="posts" data-testid="post-list">
        {posts.map((p) => (
          <PostItem
            key={p.id}
            post={p}
            mine={p.author_id === me.id}
            editable={p.author_id === me.id && canReply(membership, network)}
            author={p.author_id === me.id ? names.get(me.id) || me.name : names.get(p.author_id)}
            ctx={ctx}
            quoted={p.reply_to_id ? byId.get(p.reply_to_id) : undefined}
            reactions={data.reactions.get(p.id)}
            revisions={data.revisions.get(p.id)}
            attachments={data.attachments.get(p.id)}
            promotedTo={data.promoted.get(p.id) || null}
          />
        ))}
      </ol>
      <NewPostsLive count={posts.filter((p) => p.author_id !== me.id).length} />
      {thread.locked && <p class="notice" data-testid="thread-locked-notice">{t(manager ? 'forum.lockedManager' : 'forum.lockedNotice')}</p>}
      {replying ? (
        <ReplyBox threadId={thread.id} offline={!sync.online} members={data.members} quoting={quoting} onQuoted={() => setQuoting(null)} />
      ) : (
        isArchived(network) && <p class="notice">{t('network.archived')}</p>
      )}
    </main>
  );
}
