/**
 * The coordinator adds files to a meeting's materials (a presentation, a
 * worksheet): picked, hashed, shown at once and sent beside the outbox like a
 * post's files, offline too.
 */
import { useState } from 'preact/hooks';
import { attach } from '../../sync/index.js';
import { t } from '../i18n.js';
import { FilePicker } from '../forum/FilePicker.jsx';

/** @param {{meetingId: string}} props */
export function MeetingFiles({ meetingId }) {
  const [files, setFiles] = useState(/** @type {import('../../store/files.js').Picked[]} */ ([]));
  return (
    <div class="more-files" data-testid="meeting-files">
      <FilePicker id="meeting-files" files={files} onFiles={setFiles} />
      {files.length > 0 && (
        <button type="button" class="btn-primary" data-testid="meeting-attach"
          onClick={() => attach({ meeting_id: meetingId }, files).then(() => setFiles([]))}>
          {t('files.attachNow', { n: files.length })}
        </button>
      )}
    </div>
  );
}
