/**
 * Files under a post or a good practice: a thumbnail for pictures (from the
 * device while its bytes are here, e.g. picked offline; otherwise the
 * server's), name, size, and a link that opens or saves the file. While its
 * bytes go up, a bar and "Wysyłanie: 40% — 2,0 z 5,1 MB".
 */
import { useEffect, useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { onUploadProgress } from '../../sync/index.js';
import { t } from '../i18n.js';
import { PendingMarker } from '../bits.jsx';
import { Icon } from './Icon.jsx';

/** "1,2 MB", "340 kB". @param {number} bytes */
export function formatSize(bytes) {
  if (!bytes) return '';
  const pl = (/** @type {number} */ n, /** @type {number} */ d) => n.toFixed(d).replace('.', ',');
  if (bytes >= 1024 * 1024) return `${pl(bytes / 1024 / 1024, 1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/**
 * An object URL of the Blob the device keeps, while the component lives.
 * @param {string} sha256 @param {boolean} held
 */
function useLocalUrl(sha256, held) {
  const [url, setUrl] = useState('');
  useEffect(() => {
    if (!held) return undefined;
    let made = '';
    let alive = true;
    store.localFile(sha256).then((f) => {
      if (!alive || !f) return;
      made = URL.createObjectURL(f.blob);
      setUrl(made);
    });
    return () => {
      alive = false;
      if (made) URL.revokeObjectURL(made);
      setUrl('');
    };
  }, [sha256, held]);
  return url;
}

/**
 * How far the upload of these bytes has got, while it runs (null otherwise).
 * @param {string} sha256 @param {boolean} pending
 * @returns {{sent: number, total: number} | null}
 */
function useUploadProgress(sha256, pending) {
  const [now, setNow] = useState(/** @type {{sent: number, total: number} | null} */ (null));
  useEffect(() => {
    if (!pending) return undefined;
    const stop = onUploadProgress((all) => setNow(all.get(sha256) || null));
    return () => {
      stop();
      setNow(null);
    };
  }, [sha256, pending]);
  return now;
}

/**
 * Until the server holds a first piece (a small file goes up in one), the bar
 * moves without a number: 0% for as long as it takes would say "stuck".
 * @param {{sent: number, total: number}} p
 */
function UploadProgress({ sent, total }) {
  const pct = total ? Math.floor((sent / total) * 100) : 0;
  const size = (/** @type {number} */ n) => (formatSize(n) || '0 kB').replace(' ', '\u00a0'); // "512 kB" stays on one line
  return (
    // Still waiting to sync, as the marker it stands in for says (tests wait on that too).
    <span class="upload" data-testid="pending-marker">
      {sent ? <progress max={total} value={sent} aria-hidden="true" /> : <progress aria-hidden="true" />}
      <span class="muted small" data-testid="upload-progress">
        {sent
          ? t('files.uploading', { pct, sent: size(sent), total: size(total) })
          : t('files.uploadingStart', { total: size(total) })}
      </span>
    </span>
  );
}

/**
 * @param {{attachments: Record<string, any>[], local: Set<string> | Map<string, boolean>,
 *   onRemove?: (id: string) => void}} props
 */
export function AttachmentList({ attachments, local, onRemove }) {
  if (!attachments.length) return null;
  return (
    <ul class="files" data-testid="attachments">
      {attachments.map((a) => <AttachmentItem key={a.id} a={a} held={local.has(a.sha256)} onRemove={onRemove} />)}
    </ul>
  );
}

/** @param {{a: Record<string, any>, held: boolean, onRemove?: (id: string) => void}} props */
function AttachmentItem({ a, held, onRemove }) {
  const localUrl = useLocalUrl(a.sha256, held);
  const uploading = useUploadProgress(a.sha256, !!a.pending);
  const onServer = !a.pending;
  const image = String(a.mime || '').startsWith('image/');
  const href = localUrl || (onServer ? `/api/attachments/${a.id}` : '');
  const thumb = image ? localUrl || (onServer && a.has_thumbnail ? `/api/attachments/${a.id}/thumbnail` : '') : '';
  return (
    <li class="file" data-testid="attachment" data-sha256={a.sha256}>
      {thumb ? (
        <img class="thumb" src={thumb} alt="" loading="lazy" data-testid="attachment-thumb" />
      ) : (
        <span class="file-icon"><Icon name={image ? 'image' : 'file'} size={26} /></span>
      )}
      <span class="file-text">
        {href ? (
          <a href={href} download={a.name} target="_blank" rel="noopener" data-testid="attachment-link">{a.name}</a>
        ) : (
          <span data-testid="attachment-name">{a.name}</span>
        )}
        <span class="muted small"> {formatSize(a.size)}</span>
        {uploading ? <UploadProgress {...uploading} /> : a.pending && <PendingMarker />}
      </span>
      {onRemove && (
        <button type="button" class="btn-ghost" aria-label={t('files.remove', { name: a.name })} data-testid="attachment-remove"
          onClick={() => onRemove(a.id)}>✕</button>
      )}
    </li>
  );
}
