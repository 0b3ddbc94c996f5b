/**
 * The co-edited documents' client (src/sync/docs): against a stand-in for the server that
 * keeps the contract of docs/sync-protocol.md ("Co-edited documents"), and on the device's
 * IndexedDB (fake-indexeddb). The real server is tested with real Node editors from pytest
 * (tests/integration/test_docs_node.py).
 */
import './setup.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { DocProvider } from '../src/sync/docs/provider.js';
import { openDoc } from '../src/sync/docs/open.js';

/** A socket and the server behind it: one Yjs document, acknowledgements it can withhold. */
function world({ readOnly = false } = {}) {
  const server = new Y.Doc();
  const handlers = new Map();
  const socket = {
    connected: false,
    refuse: /** @type {string | null} */ (null),  // the next update's refusal code
    sent: /** @type {number} */ (0),
    on(event, fn) { handlers.set(event, [...(handlers.get(event) || []), fn]); },
    off(event, fn) { handlers.set(event, (handlers.get(event) || []).filter((f) => f !== fn)); },
    fire(event, ...args) { (handlers.get(event) || []).forEach((fn) => fn(...args)); },
    timeout() { return socket; },
    emit(event, ...args) {
      const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      queueMicrotask(() => serve(event, args, ack));
    },
    connect() { socket.connected = true; socket.fire('connect'); },
    disconnect() { socket.connected = false; socket.fire('disconnect'); },
  };
  function reply(docId, write) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    write(encoder);
    socket.fire('doc:message', docId, encoding.toUint8Array(encoder));
  }
  function serve(event, args, ack) {
    if (!socket.connected) return;
    if (event === 'doc:join') {
      reply(args[0].doc, (e) => syncProtocol.writeSyncStep1(e, server));  // before the ack, as the server does
      ack?.(null, { ok: true, read_only: readOnly });
    } else if (event === 'doc:message') {
      const [docId, message] = args;
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== 0) return ack?.(null, { ok: true });
      const step = decoding.peekVarUint(decoder);
      if (step !== 0) {
        if (readOnly) return ack?.(null, { error: { code: 'read_only', message: '' } });
        if (socket.refuse) {
          const code = socket.refuse;
          socket.refuse = null;
          return ack?.(null, { error: { code, message: '' } });
        }
        socket.sent++;
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.readSyncMessage(decoder, encoder, server, 'client');
      if (encoding.length(encoder) > 1) socket.fire('doc:message', docId, encoding.toUint8Array(encoder));
      ack?.(null, { ok: true });
    }
  }
  return { server, socket };
}

/** Joined, synced and every update acknowledged: looked at again on each event of the provider. */
const settled = (provider) => new Promise((resolve) => {
  const look = () => {
    if (!(provider.joined && provider.synced && provider.unacked.size === 0)) return;
    for (const event of ['status', 'synced', 'saved']) provider.off(event, look);
    resolve(undefined);
  };
  for (const event of ['status', 'synced', 'saved']) provider.on(event, look);
  look();
});

test('what she typed offline waits, then her answer to the server\'s SyncStep1 carries it', async () => {
  const { server, socket } = world();
  server.getText('text').insert(0, 'Protokół. ');
  const doc = new Y.Doc();
  const provider = new DocProvider(socket, 'minutes:m1', doc);
  doc.getText('text').insert(0, 'Z autobusu. ');
  assert.equal(provider.unacked.size, 1);
  socket.connect();
  await settled(provider);
  assert.equal(server.getText('text').toString(), doc.getText('text').toString());
  assert.match(server.getText('text').toString(), /Z autobusu\. /);
  provider.destroy();
});

test('an update the server could not store is sent again', async () => {
  const { server, socket } = world();
  const doc = new Y.Doc();
  const provider = new DocProvider(socket, 'plan:n1', doc, { retryMs: 10 });
  socket.connect();
  await settled(provider);
  socket.refuse = 'unavailable';
  doc.getText('text').insert(0, 'Cele');
  await settled(provider);
  assert.equal(server.getText('text').toString(), 'Cele');
  provider.destroy();
});

test('a reader sends no edits; the server is told nothing', async () => {
  const { server, socket } = world({ readOnly: true });
  server.getText('text').insert(0, 'Plan');
  const doc = new Y.Doc();
  const provider = new DocProvider(socket, 'plan:n1', doc);
  socket.connect();
  await new Promise((resolve) => provider.on('synced', resolve));
  assert.equal(doc.getText('text').toString(), 'Plan');
  assert.equal(provider.readOnly, true);
  doc.getText('text').insert(0, 'x');
  await new Promise((resolve) => setImmediate(resolve));  // whatever it would send has gone by now
  assert.equal(socket.sent, 0);
  assert.equal(server.getText('text').toString(), 'Plan');
  provider.destroy();
});

test('a document kept on the device opens offline with what she typed', async () => {
  const { socket } = world();
  const first = await openDoc(socket, 'notes:n1:x1', { user: { name: 'Anna', color: '#c33' } });
  first.doc.getText('text').insert(0, 'Notatki bez sieci');
  await first.close();
  const again = await openDoc(socket, 'notes:n1:x1');
  assert.equal(again.doc.getText('text').toString(), 'Notatki bez sieci');
  assert.equal(again.provider.unacked.size, 0);  // nothing new here: her SyncStep2 will carry it
  await again.close();
});
