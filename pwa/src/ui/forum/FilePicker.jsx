/**
 * "Dołącz pliki": pictures, PDF and office files up to the Poradnia's limit.
 * Each picked file is read and hashed at once (its SHA-256 names it on the
 * server); the list shows what will go with the post, and a file over the
 * limit this server takes (it says so in GET /api/me) is refused here with a
 * clear word, before it costs any data.
 */
import { useState } from 'preact/hooks';
import { hashFile, fileMaxBytes, FILE_ACCEPT } from '../../sync/index.js';
import { t } from '../i18n.js';
import { formatSize } from './Attachments.jsx';
import { Icon } from './Icon.jsx';

/** @typedef {import('../../store/files.js').Picked} Picked */

const MAX_FILES = 20;
const MB = 1024 * 1024;

/** @param {{files: Picked[], onFiles: (files: Picked[]) => void, id: string}} props */
export function FilePicker({ files, onFiles, id }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  // The server's limit (null: not told yet, the server decides), and in MB for the words.
  const limit = fileMaxBytes();
  const max = limit === null ? null : Math.round((limit / MB) * 10) / 10;
  /** @param {Event} e */
  const pick = async (e) => {
    const input = /** @type {HTMLInputElement} */ (e.currentTarget);
    const chosen = [...(input.files || [])];
    input.value = ''; // the same file may be picked again after removing it
    setError('');
    setBusy(true);
    /** @type {Picked[]} */
    const added = [];
    /** @type {string[]} */
    const problems = [];
    for (const file of chosen) {
      if (limit !== null && file.size > limit) problems.push(t('files.tooLarge', { name: file.name, max: max ?? '' }));
      else if (file.size === 0) problems.push(t('files.empty', { name: file.name }));
      else {
        try {
          added.push(await hashFile(file));
        } catch {
          problems.push(t('files.cannotRead', { name: file.name }));
        }
      }
    }
    const next = [...files, ...added.filter((f) => !files.some((g) => g.sha256 === f.sha256))].slice(0, MAX_FILES);
    setBusy(false);
    setError(problems.join(' '));
    onFiles(next);
  };

  return (
    <div class="picker">
      <label class="btn-secondary file-button" for={id}>
        <Icon name="clip" /> {t('files.add')}
        <input id={id} type="file" multiple accept={FILE_ACCEPT} onChange={pick} data-testid="file-input" />
      </label>
      {max !== null && <p class="field-hint">{t('files.limit', { max })}</p>}
      {busy && <p class="muted small">{t('files.reading')}</p>}
      {error && <p class="field-error" role="alert" data-testid="file-error">{error}</p>}
      {files.length > 0 && (
        <ul class="files" data-testid="picked-files">
          {files.map((f) => (
            <li key={f.sha256} class="file" data-testid="picked-file">
              <span class="file-icon"><Icon name={f.blob.type.startsWith('image/') ? 'image' : 'file'} size={26} /></span>
              <span class="file-text">{f.name} <span class="muted small">{formatSize(f.blob.size)}</span></span>
              <button type="button" class="btn-ghost" aria-label={t('files.remove', { name: f.name })}
                onClick={() => onFiles(files.filter((g) => g.sha256 !== f.sha256))}>✕</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
