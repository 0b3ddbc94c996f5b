/**
 * The uploader beside the sync engine (docs/sync-protocol.md, "The offline
 * flow"): each attachment waiting for its bytes is probed with HEAD and, when
 * the server lacks them, sent with PUT — in 512 KB pieces from where the
 * server's copy ends, so a weak link resumes instead of starting over. Once
 * the bytes are up, its `attachment.add` gets a mutation id and the engine
 * pushes it. 413/415 (and a hash the server disputes): the entry moves to the
 * rejected list with the server's words. Network errors and 5xx: later, with
 * back-off. One tab uploads at a time; how far each file has got is told to
 * whoever watches (onUploadProgress), so a long upload shows it moving.
 */
import * as store from '../../store/index.js';
import { rawFetch, NetworkError } from '../api.js';
import { mutators } from '../mutators.js';
import { uuid } from '../uuid.js';

const PIECE = 512 * 1024;
const BACKOFF_MS = [2000, 5000, 15_000, 30_000, 60_000];

/** @typedef {{done: true} | {refused: {code: string, message: string}} | {later: string}} Outcome */
/** @typedef {Map<string, {sent: number, total: number}>} Progress sha256 → bytes the server holds */

/** @type {Progress} */
const progress = new Map();
/** @type {Set<(p: Progress) => void>} */
const watchers = new Set();

/** @param {string} sha256 @param {number | null} sent null: no longer uploading @param {number} [total] */
function report(sha256, sent, total = 0) {
  if (sent === null) progress.delete(sha256);
  else progress.set(sha256, { sent, total });
  for (const fn of watchers) fn(progress);
}

/**
 * Calls `fn` now and whenever an upload moves on; returns the way to stop.
 * @param {(p: Progress) => void} fn
 */
export function onUploadProgress(fn) {
  watchers.add(fn);
  fn(progress);
  return () => void watchers.delete(fn);
}

/** @param {Response} res */
async function errorOf(res) {
  const body = await res.json().catch(() => null);
  return { code: body?.error?.code || `http_${res.status}`, message: body?.error?.message || '', offset: body?.offset };
}

/**
 * Sends one file's bytes, or finds them there already.
 * @param {{sha256: string, blob: Blob}} file
 * @param {(sent: number, total: number) => void} [onSent] after each piece the server took
 * @returns {Promise<Outcome>}
 */
export async function sendFile(file, onSent = () => {}) {
  const url = `/api/files/${file.sha256}`;
  const probe = await rawFetch('HEAD', url);
  if (probe.ok) return { done: true };
  if (probe.status !== 404) return { later: `HEAD ${probe.status}` };
  const total = file.blob.size;
  let offset = Number(probe.headers.get('Upload-Offset') || 0);
  if (!(offset > 0 && offset < total)) offset = 0;
  onSent(offset, total);
  for (let guard = 0; guard < 10_000; guard++) {
    const whole = offset === 0 && total <= PIECE;
    const end = whole ? total : Math.min(offset + PIECE, total);
    /** @type {Record<string, string>} */
    const headers = { 'Content-Type': 'application/octet-stream' };
    if (!whole) headers['Content-Range'] = `bytes ${offset}-${end - 1}/${total}`;
    const res = await rawFetch('PUT', url, { body: whole ? file.blob : file.blob.slice(offset, end), headers });
    if (res.status === 200 || res.status === 201) return { done: true };
    const error = await errorOf(res);
    if (res.status === 202 || (res.status === 409 && error.code === 'upload_offset')) {
      offset = Number(error.offset ?? (res.status === 202 ? end : 0));
      onSent(offset, total);
      continue;
    }
    if (res.status === 413 || res.status === 415 || error.code === 'hash_mismatch') {
      return { refused: { code: error.code, message: error.message } };
    }
    return { later: `PUT ${res.status} ${error.code}` };
  }
  return { later: 'too many pieces' };
}

class Uploader {
  /**
   * @param {{canRun: () => boolean, afterUpload: () => void}} hooks
   *   canRun: signed in and online; afterUpload: an entry joined the outbox (push it)
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.running = false;
    this.again = false;
    this.attempt = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
  }

  /** Something may wait: look now (unless a back-off wait is on and `force` is not). */
  kick(force = false) {
    if (force) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.attempt = 0;
    }
    if (this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (!this.hooks.canRun() || !navigator.onLine) return;
    this.running = true;
    const work = () => this.run();
    const done = navigator.locks ? navigator.locks.request('krag-upload', work) : work();
    done.catch((err) => console.error('upload failed', err)).finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  async run() {
    for (const { entry, file } of await store.waitingUploads()) {
      if (!this.hooks.canRun() || entry.key === undefined) return;
      if (!file) {
        await store.uploadRefused(entry.key, { code: 'file_gone', message: `„${entry.args.name}”: ${missingWords()}` });
        continue;
      }
      /** @type {Outcome} */
      let outcome;
      try {
        outcome = await sendFile(file, (sent, total) => report(file.sha256, sent, total));
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        outcome = { later: 'network' };
      } finally {
        report(file.sha256, null);
      }
      if ('done' in outcome) {
        await store.uploaded(entry.key, uuid);
        this.attempt = 0;
        this.hooks.afterUpload();
      } else if ('refused' in outcome) {
        const { code, message } = outcome.refused;
        await store.uploadRefused(entry.key, { code, message: `„${entry.args.name}”: ${message}` });
      } else {
        this.backOff();
        return;
      }
    }
  }

  backOff() {
    const ms = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)];
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, ms);
  }

  /** After a push: `file_missing` answers send their bytes again. */
  async afterPush() {
    if (await store.retryMissingFiles(mutators)) this.kick(true);
  }
}

/** The bytes were deleted on this device before they were sent (cleared storage). */
const missingWords = () => 'pliku nie ma już na tym urządzeniu — dołącz go jeszcze raz.';

/**
 * The uploader beside the engine: it looks for waiting files whenever a sync
 * run ends (a write, a reconnect, a poke), and after each run lets settled
 * bytes go and re-sends any the server lost.
 * @param {import('../engine.js').SyncEngine} engine
 */
export function startUploads(engine) {
  const uploader = new Uploader({ canRun: () => engine.started, afterUpload: () => engine.requestPush() });
  let wasSyncing = false;
  engine.subscribe((s) => {
    if (wasSyncing && !s.syncing && engine.started) {
      uploader.afterPush().catch((err) => console.error(err));
      store.dropSettledFiles().catch((err) => console.error(err));
      uploader.kick(true);
    }
    wasSyncing = s.syncing;
  });
  addEventListener('online', () => uploader.kick(true));
  return uploader;
}
