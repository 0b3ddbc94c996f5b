/**
 * A Yjs document kept in step with the server over the app's live channel (Socket.IO).
 *
 * The contract is docs/sync-protocol.md, "Co-edited documents": "doc:join" {doc} is
 * acknowledged {ok, read_only} or {error}; then both sides send their SyncStep1 and
 * answer the other's, and "doc:message" (doc id, a y-websocket message) carries updates and
 * presence. The server acknowledges an update once it is stored: until then it stays here in
 * `unacked`, is sent again after a failure, and is covered by the SyncStep2 that answers
 * the server's SyncStep1 after every reconnection. One connection holds many documents.
 * Typing fast makes an update per keystroke: those made within `batchMs` go as one, merged
 * (Y.mergeUpdates), so the wire carries one framed message instead of several.
 * Knows nothing of IndexedDB: the store keeps the document on the device (store/docs.js).
 */
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { ObservableV2 } from 'lib0/observable';

const SYNC = 0;
const AWARENESS = 1;
const QUERY_AWARENESS = 3;
const RETRY_MS = 2000;
const BATCH_MS = 60;

/**
 * @typedef {{code: string, message: string}} DocError
 * @typedef {{ok?: boolean, read_only?: boolean, error?: DocError}} DocAck
 * @typedef {{
 *   status: (status: {joined: boolean, readOnly: boolean}) => void,
 *   synced: () => void,
 *   saved: () => void,
 *   closed: (error: DocError) => void,
 * }} DocEvents
 * @typedef {{on: Function, off: Function, connected: boolean,
 *   emit: (event: string, ...args: any[]) => any,
 *   timeout: (ms: number) => {emit: (event: string, ...args: any[]) => any}}} DocSocket
 */

/** @extends {ObservableV2<DocEvents>} */
export class DocProvider extends ObservableV2 {
  /**
   * @param {DocSocket} socket the app's live channel (sync/socket.js), connected or not yet
   * @param {string} docId e.g. "minutes:<meeting id>"
   * @param {Y.Doc} doc
   * @param {{awareness?: awarenessProtocol.Awareness, ackTimeoutMs?: number, retryMs?: number, batchMs?: number}} [options]
   */
  constructor(socket, docId, doc, options = {}) {
    super();
    this.socket = socket;
    this.docId = docId;
    this.doc = doc;
    this.awareness = options.awareness ?? new awarenessProtocol.Awareness(doc);
    this.ownsAwareness = !options.awareness;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10000;
    this.retryMs = options.retryMs ?? RETRY_MS;
    this.batchMs = options.batchMs ?? BATCH_MS;
    /** @type {number[]} updates made here and not yet sent: they go together (flush) */
    this.batch = [];
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.batchTimer = null;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.presenceTimer = null;
    this.joined = false;
    this.readOnly = false;
    this.synced = false;
    /** @type {DocError | null} why the server closed it (she may not read it, or no longer) */
    this.closed = null;
    /** @type {Map<number, Uint8Array>} updates made here that the server has not yet stored */
    this.unacked = new Map();
    this.nextId = 1;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.retry = null;

    this.onConnect = () => this.join();
    this.onDisconnect = () => this.lost();
    /** @param {string} id @param {ArrayBuffer | Uint8Array} payload */
    this.onMessage = (id, payload) => { if (id === this.docId) this.read(new Uint8Array(payload)); };
    /** @param {{doc: string, error: DocError}} notice */
    this.onClosed = (notice) => { if (notice?.doc === this.docId) this.close(notice.error); };
    /** @param {Uint8Array} update @param {any} origin */
    this.onUpdate = (update, origin) => { if (origin !== this) this.keep(update); };
    /** @param {{added: number[], updated: number[], removed: number[]}} changes @param {any} origin */
    this.onAwareness = ({ added, updated, removed }, origin) => {
      const changed = added.concat(updated, removed);
      if (origin !== 'local' || !changed.includes(this.doc.clientID)) return;
      // Her cursor moves with every keystroke: its news go once per batch too (her leaving at once).
      if (this.batchMs <= 0 || this.awareness.getLocalState() === null) this.sendPresence(changed);
      else this.presenceTimer ||= setTimeout(() => {
        this.presenceTimer = null;
        this.sendPresence([this.doc.clientID]);
      }, this.batchMs);
    };
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('doc:message', this.onMessage);
    socket.on('doc:closed', this.onClosed);
    doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
    if (socket.connected) this.join();
  }

  join() {
    if (this.closed || !this.socket.connected) return;
    this.socket.timeout(this.ackTimeoutMs).emit('doc:join', { doc: this.docId },
      /** @param {Error | null} err @param {DocAck} ack */
      (err, ack) => {
        if (err) return this.later(() => this.join());
        if (ack.error) return this.close(ack.error);
        this.joined = true;
        this.readOnly = !!ack.read_only;
        this.emit('status', [{ joined: true, readOnly: this.readOnly }]);
        // Her SyncStep1 (the server's comes by itself and is answered in read()).
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, SYNC);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        this.send(encoding.toUint8Array(encoder));
        if (this.awareness.getLocalState() !== null) this.sendPresence([this.doc.clientID]);
      });
  }

  /** @param {Uint8Array} message */
  read(message) {
    const decoder = decoding.createDecoder(message);
    const kind = decoding.readVarUint(decoder);
    if (kind === SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SYNC);
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (step === syncProtocol.messageYjsSyncStep1) {
        // Her answer holds everything the server lacks, so what waited unacknowledged
        // until now is in it: stored once this is acknowledged.
        this.batch = [];
        this.sendCovering(encoding.toUint8Array(encoder), [...this.unacked.keys()]);
      } else if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        this.emit('synced', []);
      }
    } else if (kind === AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  /** @param {Uint8Array} update */
  keep(update) {
    const id = this.nextId++;
    this.unacked.set(id, update);
    if (!this.joined || this.readOnly) return;  // her SyncStep2 on joining carries it
    this.batch.push(id);
    // Counted from the first of a batch, not postponed by each keystroke: the others see
    // what she types at most batchMs later however fast she types.
    if (this.batchMs <= 0) this.flush();
    else this.batchTimer ||= setTimeout(() => this.flush(), this.batchMs);
  }

  /** The updates of this batch, merged, as one message (those another message covered meanwhile are left out). */
  flush() {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    const ids = this.batch.filter((id) => this.unacked.has(id));
    this.batch = [];
    if (ids.length === 0 || !this.joined || this.readOnly) return;
    const updates = ids.map((id) => /** @type {Uint8Array} */ (this.unacked.get(id)));
    this.sendCovering(frameUpdate(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)), ids);
  }

  /** Send a message that, once stored, covers the unacknowledged updates `ids`.
   * @param {Uint8Array} message @param {number[]} ids */
  sendCovering(message, ids) {
    this.socket.timeout(this.ackTimeoutMs).emit('doc:message', this.docId, message,
      /** @param {Error | null} err @param {DocAck} ack */
      (err, ack) => {
        if (!err && ack.ok) {
          ids.forEach((id) => this.unacked.delete(id));
          if (this.unacked.size === 0) this.emit('saved', []);
        } else if (ack?.error?.code === 'read_only') {
          this.readOnly = true;  // what she typed stays on her device; the server takes none of it
          this.unacked.clear();
          this.emit('status', [{ joined: this.joined, readOnly: true }]);
        } else if (ack?.error?.code === 'not_joined' || ack?.error?.code === 'closed') {
          this.joined = false;
          this.later(() => this.join());
        } else {
          this.later(() => this.resend());  // a timeout, or the server could not store it now
        }
      });
  }

  /** Everything still unacknowledged, merged into one update. */
  resend() {
    if (!this.joined || this.readOnly || this.unacked.size === 0) return;
    const ids = [...this.unacked.keys()];
    this.sendCovering(frameUpdate(Y.mergeUpdates([...this.unacked.values()])), ids);
  }

  /** @param {Uint8Array} message */
  send(message) {
    this.socket.emit('doc:message', this.docId, message);
  }

  /** @param {number[]} clients */
  sendPresence(clients) {
    if (!this.joined) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    this.send(encoding.toUint8Array(encoder));
  }

  /** Ask the server again who is here. */
  queryPresence() {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, QUERY_AWARENESS);
    this.send(encoding.toUint8Array(encoder));
  }

  lost() {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.batch = [];  // still unacknowledged: the SyncStep2 after reconnecting covers them
    this.joined = false;
    this.synced = false;
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, 'connection lost');
    this.emit('status', [{ joined: false, readOnly: this.readOnly }]);
  }

  /** @param {DocError} error */
  close(error) {
    this.lost();
    this.closed = error;
    this.emit('closed', [error]);
  }

  /** @param {() => void} fn */
  later(fn) {
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => { this.retry = null; fn(); }, this.retryMs);
  }

  destroy() {
    if (this.retry) clearTimeout(this.retry);
    this.flush();  // what she typed last goes now (it is on her device anyway)
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    if (this.joined) {
      this.awareness.setLocalState(null);  // the others see her go at once (the server would clear it too)
      this.socket.emit('doc:leave', { doc: this.docId });
    }
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('doc:message', this.onMessage);
    this.socket.off('doc:closed', this.onClosed);
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    if (this.ownsAwareness) this.awareness.destroy();
    super.destroy();
  }
}

/** @param {Uint8Array} update */
function frameUpdate(update) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
