// Co-editing benchmark clients (bench/docs.py drives them): many Yjs editors in one Node
// process, against Krąg (socket.io-client and the PWA's own provider, src/sync/docs/provider.js)
// or against the reference y-websocket server (@y/websocket-server, raw `ws` with y-protocols'
// sync messages, as y-websocket's client sends them). One clock for every editor.
//   node bench.mjs '<json>'   with {"op": "latency" | "wire" | "latejoin" | "rooms", ...}
// Prints one JSON line (for "rooms": {"ready": true} first, then waits for stdin to close).
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { DocProvider } from '../../src/sync/docs/provider.js';

const WS_HEADER_OUT = 6; // a client's frame: 2 bytes of header + a 4-byte mask (payload < 126 B)
const WS_HEADER_IN = 2; // the server's: unmasked
const frame = (n, out) => n + (out ? WS_HEADER_OUT : WS_HEADER_IN) + (n >= 126 ? 2 : 0) + (n >= 65536 ? 6 : 0);
const utf8 = (s) => Buffer.byteLength(s, 'utf8');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function until(check, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const look = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out: ${what}`));
      setTimeout(look, 2);
    };
    look();
  });
}

/** A Yjs editor on Krąg's live channel, through the PWA's provider; counts its bytes. */
async function kragEditor({ url, cookie, doc, batch_ms: batchMs = 60 }) {
  const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  const ydoc = new Y.Doc();
  const e = { doc: ydoc, sent: 0, received: 0, close: () => { provider.destroy(); socket.disconnect(); } };
  const provider = new DocProvider(socket, doc, ydoc, { batchMs, ackTimeoutMs: 30000 });
  e.provider = provider;
  socket.io.on('open', () => {
    const engine = socket.io.engine;
    engine.on('packetCreate', (p) => { e.sent += frame(typeof p.data === 'string' ? 1 + utf8(p.data) : (p.data?.byteLength ?? 1), true); });
    engine.on('packet', (p) => { e.received += frame(typeof p.data === 'string' ? 1 + utf8(p.data) : (p.data?.byteLength ?? 1), false); });
  });
  await until(() => provider.joined && provider.synced, 60000, 'a Krąg editor to join');
  e.settled = () => provider.unacked.size === 0 && provider.batch.length === 0;
  return e;
}

/** A Yjs editor on y-websocket's server: what y-websocket's WebsocketProvider sends, without awareness. */
async function ywsEditor({ url, doc }) {
  const ydoc = new Y.Doc();
  const ws = new WebSocket(`${url}/${encodeURIComponent(doc)}`);
  ws.binaryType = 'arraybuffer';
  const e = { doc: ydoc, sent: 0, received: 0, synced: false, close: () => ws.close(), settled: () => true };
  const send = (bytes) => { e.sent += frame(bytes.byteLength, true); ws.send(bytes); };
  ws.on('message', (data) => {
    const bytes = new Uint8Array(data);
    e.received += frame(bytes.byteLength, false);
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== 0) return; // awareness: not measured
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    const step = syncProtocol.readSyncMessage(decoder, encoder, ydoc, 'remote');
    if (step === syncProtocol.messageYjsSyncStep2) e.synced = true;
    if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder));
  });
  ydoc.on('update', (update, origin) => {
    if (origin === 'remote') return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    send(encoding.toUint8Array(encoder));
  });
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, ydoc);
  send(encoding.toUint8Array(encoder));
  await until(() => e.synced, 60000, 'a y-websocket editor to sync');
  return e;
}

const open = (args) => (args.target === 'krag' ? kragEditor(args) : ywsEditor(args));

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
}
const summary = (values) => ({ n: values.length, p50: percentile(values, 50), p99: percentile(values, 99),
  max: percentile(values, 100) });

/** Keystrokes typed by each editor in turn, `interval_ms` apart; for each, the time until each
 * other editor holds it (deliveries) and until the last of them does (all). */
async function latency(args) {
  const editors = [];
  for (let i = 0; i < args.editors; i++) editors.push(await open(args));
  const pending = []; // {writer, client, clock, t0, waiting: Set}
  const deliveries = [];
  const all = [];
  editors.forEach((e, i) => e.doc.on('update', () => {
    const now = performance.now();
    for (const k of pending) {
      if (!k.waiting.has(i) || Y.getState(e.doc.store, k.client) < k.clock) continue;
      k.waiting.delete(i);
      deliveries.push(now - k.t0);
      if (k.waiting.size === 0) all.push(now - k.t0);
    }
    for (let j = pending.length - 1; j >= 0; j--) if (pending[j].waiting.size === 0) pending.splice(j, 1);
  }));
  await sleep(200);
  for (let k = 0; k < args.keystrokes; k++) {
    const writer = editors[k % editors.length];
    const text = writer.doc.getText('text');
    const waiting = new Set(editors.map((_, i) => i).filter((i) => editors[i] !== writer));
    const t0 = performance.now();
    text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(0x4e00 + (k % 20000)));
    pending.push({ client: writer.doc.clientID, clock: Y.getState(writer.doc.store, writer.doc.clientID), t0, waiting });
    await sleep(args.interval_ms);
  }
  await until(() => pending.length === 0, 60000, `deliveries (${pending.length} keystrokes waiting)`);
  for (const e of editors) e.close();
  return { deliveries: summary(deliveries), all: summary(all) };
}

/** Bytes on the wire per keystroke, two editors, one typing `keystrokes` characters. */
async function wire(args) {
  const [typist, reader] = [await open(args), await open(args)];
  await sleep(300);
  for (const e of [typist, reader]) { e.sent = 0; e.received = 0; }
  const text = typist.doc.getText('text');
  for (let k = 0; k < args.keystrokes; k++) {
    text.insert(text.length, 'a');
    await sleep(args.interval_ms);
  }
  await until(() => reader.doc.getText('text').length === args.keystrokes && typist.settled(), 30000, 'the reader');
  await sleep(100);
  const k = args.keystrokes;
  const result = { typist_sends: typist.sent / k, typist_receives: typist.received / k, reader_receives: reader.received / k,
    reader_sends: reader.sent / k };
  typist.close();
  reader.close();
  return result;
}

/** `chars` characters typed at random places by 10 authors, `piece` characters an update. */
function fragmented(chars, piece) {
  const doc = new Y.Doc();
  const updates = [];
  doc.on('update', (u) => updates.push(u));
  const text = doc.getText('text');
  let typed = 0;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  while (typed < chars) {
    if (updates.length % 200 === 0) doc.clientID = 1000 + (updates.length / 200) % 10; // another author
    const n = Math.min(piece, chars - typed);
    text.insert(Math.floor(random() * (text.length + 1)), 'ąbcdęfghij'.repeat(Math.ceil(n / 10)).slice(0, n));
    typed += n;
  }
  return { doc, updates };
}

async function upload(args, updates) {
  if (args.target === 'krag') { // the HTTP fallback, 1,000 updates a call (as a device back online sends them)
    for (let i = 0; i < updates.length; i += 1000) {
      const answer = await fetch(`${args.url}/api/docs/${args.doc}/sync`, {
        method: 'POST', headers: { cookie: args.cookie, 'content-type': 'application/json', 'x-csrf-token': args.csrf },
        body: JSON.stringify({ updates: updates.slice(i, i + 1000).map((u) => Buffer.from(u).toString('base64')) }),
      });
      if (answer.status !== 200) throw new Error(`upload: ${answer.status} ${await answer.text()}`);
    }
    return null;
  }
  const holder = await open(args); // y-websocket keeps a document only while someone has it open
  for (const u of updates) Y.applyUpdate(holder.doc, u);
  return holder;
}

async function timedJoin(args, chars) {
  const t0 = performance.now();
  const e = await open(args);
  await until(() => e.doc.getText('text').length === chars, 60000, 'the late joiner to hold everything');
  const ms = performance.now() - t0;
  e.close();
  return ms;
}

/** A joiner's time until she holds the whole fragmented document: with the room open (someone
 * editing), and for Krąg also once everyone has left (from the store). */
async function latejoin(args) {
  const { doc, updates } = fragmented(args.chars, args.piece);
  let holder = await upload(args, updates);
  if (args.target === 'krag') holder = await open(args);
  await until(() => holder.doc.getText('text').length === args.chars, 120000, 'the holder');
  await sleep(300);
  const open_ms = [];
  for (let i = 0; i < args.joins; i++) open_ms.push(await timedJoin(args, args.chars));
  holder.close();
  const cold_ms = [];
  if (args.target === 'krag') {
    await sleep(1000); // the room empties and is compacted
    for (let i = 0; i < args.joins; i++) { cold_ms.push(await timedJoin(args, args.chars)); await sleep(500); }
  }
  return { updates: updates.length, state_bytes: Y.encodeStateAsUpdate(doc).byteLength, open: summary(open_ms),
    cold: summary(cold_ms) };
}

/** The documents `docs` open at once, one editor in each who typed `chars` characters; then waits. */
async function rooms(args) {
  const editors = [];
  for (const doc of args.docs) {
    const e = await open({ ...args, doc });
    const text = e.doc.getText('text');
    for (let c = 0; c < args.chars; c += 10) text.insert(text.length, 'ąbcdęfghij');
    editors.push(e);
  }
  await until(() => editors.every((e) => e.settled()), 60000, 'the rooms to be stored');
  await sleep(500);
  process.stdout.write(JSON.stringify({ ready: true }) + '\n');
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.on('end', resolve));
  for (const e of editors) e.close();
  return { closed: true };
}

const args = JSON.parse(process.argv[2]);
const ops = { latency, wire, latejoin, rooms };
ops[args.op](args).then((result) => {
  process.stdout.write(JSON.stringify(result) + '\n');
  setImmediate(() => process.exit(0));
}, (e) => {
  process.stdout.write(JSON.stringify({ failed: String(e?.stack || e) }) + '\n');
  process.exit(1);
});
