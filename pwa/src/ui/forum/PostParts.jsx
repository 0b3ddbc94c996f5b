/**
 * What a post shows besides its author and time: the body rendered from
 * Markdown (sanitized), the post it quotes, the "pomocne" mark with its count
 * and who gave it, and "edytowano · pokaż historię".
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { setHelpful } from '../../sync/index.js';
import { t } from '../i18n.js';
import { formatTime } from '../format.js';
import { loadMarkdown, markdownRenderer, quoteText } from '../postText.js';
import { PlainText } from '../bits.jsx';
import { Icon } from './Icon.jsx';

/** @param {{body: string, mentionNames?: string[]}} props */
export function PostBody({ body, mentionNames = [] }) {
  const [render, setRender] = useState(() => markdownRenderer());
  useEffect(() => {
    if (!render) loadMarkdown().then(() => setRender(() => markdownRenderer()), () => {});
  }, []);
  const html = useMemo(() => render && render(body, mentionNames), [render, body, mentionNames.join('\n')]);
  // Until the renderer has come: her words as plain text, escaped by Preact.
  if (html === null) return <div class="md md-plain" data-testid="post-body">{body}</div>;
  return <div class="md" data-testid="post-body" dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * The quoted post, short, with a link to it (or a note that it is gone).
 * @param {{quoted: Record<string, any>|undefined, author: string|undefined}} props
 */
export function QuoteBlock({ quoted, author }) {
  if (!quoted) return <blockquote class="quote" data-testid="post-quote">{t('forum.quoteGone')}</blockquote>;
  return (
    <blockquote class="quote" data-testid="post-quote">
      <a href={`#/t/${quoted.thread_id}/${quoted.id}`} class="quote-who">{t('forum.quoteOf', { name: author || t('thread.unknownAuthor') })}</a>
      <span class="quote-text">{quoteText(quoted.body)}</span>
    </blockquote>
  );
}

/**
 * "Pomocne": she sets or unsets hers (not on her own posts); the count and who.
 * @param {{postId: string, reactions: Record<string, any>[], meId: string, mine: boolean,
 *   canReact: boolean, names: Map<string, string>}} props
 */
export function HelpfulButton({ postId, reactions, meId, mine, canReact, names }) {
  const [showWho, setShowWho] = useState(false);
  const helpful = reactions.filter((r) => r.kind === 'helpful');
  const given = helpful.some((r) => r.user_id === meId);
  const who = helpful.map((r) => (r.user_id === meId ? t('thread.you') : names.get(r.user_id) || t('thread.unknownAuthor')));
  if (mine || !canReact) {
    if (!helpful.length) return null;
    return (
      <button type="button" class="btn-link helpful-count" data-testid="helpful-count" onClick={() => setShowWho(!showWho)}>
        <Icon name="thumb" /> {t('forum.helpfulCount', { n: helpful.length })}
        {showWho && <span class="who" data-testid="helpful-who">: {who.join(', ')}</span>}
      </button>
    );
  }
  return (
    <span class="helpful">
      <button type="button" class={`chip${given ? ' is-on' : ''}`} aria-pressed={given} data-testid="helpful-toggle"
        onClick={() => setHelpful(postId, !given)}>
        <Icon name="thumb" /> {t('forum.helpful')}{helpful.length > 0 && <span data-testid="helpful-n"> · {helpful.length}</span>}
      </button>
      {helpful.length > 0 && (
        <button type="button" class="btn-link" data-testid="helpful-who-open" onClick={() => setShowWho(!showWho)}>
          {showWho ? <span data-testid="helpful-who">{who.join(', ')}</span> : t('forum.helpfulWho')}
        </button>
      )}
    </span>
  );
}

/**
 * "edytowano · pokaż historię": every earlier version, newest first.
 * @param {{post: Record<string, any>, revisions: Record<string, any>[]}} props
 */
export function EditedNote({ post, revisions }) {
  const [open, setOpen] = useState(false);
  if (!post.edited_at) return null;
  return (
    <div class="edited">
      <span class="muted small">{t('thread.edited')} {formatTime(post.edited_at)}</span>
      {revisions.length > 0 && (
        <>
          {' · '}
          <button type="button" class="btn-link small" data-testid="history-toggle" onClick={() => setOpen(!open)}>
            {open ? t('forum.hideHistory') : t('forum.showHistory')}
          </button>
        </>
      )}
      {open && (
        <ol class="history" data-testid="history">
          {revisions.map((r) => (
            <li key={r.id} data-testid="history-item">
              <span class="muted small">{t('forum.replacedAt', { time: formatTime(r.replaced_at) })}</span>
              <PlainText text={r.body} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
