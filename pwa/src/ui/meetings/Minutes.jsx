/**
 * A meeting's minutes ("minutes:<meeting id>"): the shared editor, fetched in a chunk of its
 * own the first time (the meeting's screens stay light), precached for offline like every chunk.
 * Experts and an archived network's people read them only: the editor says why.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n.js';
import { Loading } from '../bits.jsx';

/** @type {typeof import('../docs/SharedDoc.jsx') | null} */
let editorModule = null;

/** @param {{meetingId: string, me: {id: string, name: string}, readOnlyWhy: 'expert' | 'archived' | null}} props */
export function MinutesEditor({ meetingId, me, readOnlyWhy }) {
  const [loaded, setLoaded] = useState(editorModule);
  const [failed, setFailed] = useState(false);
  const fetchIt = () => {
    setFailed(false);
    import('../docs/SharedDoc.jsx').then((m) => setLoaded(editorModule = m), () => setFailed(true));
  };
  useEffect(() => { if (!loaded) fetchIt(); }, []);
  if (loaded) return <loaded.SharedDoc docId={`minutes:${meetingId}`} me={me} readOnlyWhy={readOnlyWhy} />;
  if (!failed) return <Loading />;
  return (
    <>
      <p role="alert">{t('common.screenFailed')}</p>
      <button type="button" class="btn-secondary" onClick={fetchIt}>{t('common.retry')}</button>
    </>
  );
}

/**
 * Why she may only read a network's documents, as far as her device knows (the server says
 * read_only in any case): an expert, or a network in the archive.
 * @param {import('../rights.js').Row} membership @param {import('../rights.js').Row} network
 * @returns {'expert' | 'archived' | null}
 */
export const readOnlyWhy = (membership, network) =>
  network?.status === 'archived' ? 'archived' : membership?.role === 'expert' ? 'expert' : null;
