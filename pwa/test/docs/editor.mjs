// Yjs editors in Node.js for the server's interop tests (tests/integration/test_docs_node.py).
// Each editor is a real client: socket.io-client, yjs, y-protocols, lib0, through the PWA's
// own provider (src/sync/docs/provider.js). Commands come as JSON lines on stdin, answers go
// as JSON lines on stdout: {"op": "open", "name", "url", "cookie", "doc"}, "insert", "erase", "paragraph",
// "offline", "online", "presence", "peers", "state", "wait", "close", "quit".
import { createInterface } from 'node:readline';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import { DocProvider } from '../../src/sync/docs/provider.js';

/** @type {Map<string, {socket: any, doc: Y.Doc, provider: DocProvider, text: Y.Text}>} */
const editors = new Map();
const b64 = (bytes) => Buffer.from(bytes).toString('base64');

function editor(name) {
  const found = editors.get(name);
  if (!found) throw new Error(`no editor ${name}`);
  return found;
}

/** Resolve when `check()` holds, re-checking on every change an editor sees; reject at the deadline. */
function until(check, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const listeners = [];
    const done = (fn, value) => {
      clearTimeout(timer);
      for (const [target, event, listener] of listeners) target.off(event, listener);
      fn(value);
    };
    const look = () => { try { const v = check(); if (v) done(resolve, v); } catch (e) { done(reject, e); } };
    const timer = setTimeout(() => done(reject, new Error(`timed out waiting for ${what}: ${describe()}`)), timeoutMs);
    for (const e of editors.values()) {
      for (const [target, event] of [[e.doc, 'update'], [e.provider, 'saved'], [e.provider, 'synced'],
        [e.provider, 'status'], [e.provider, 'closed'], [e.provider.awareness, 'change']]) {
        target.on(event, look);
        listeners.push([target, event, look]);
      }
    }
    look();
  });
}

function describe() {
  return [...editors].map(([name, e]) => `${name} (client ${e.doc.clientID}): joined ${e.provider.joined}, synced ${e.provider.synced}, ` +
    `unacked ${e.provider.unacked.size}, pending ${e.doc.store.pendingStructs ? JSON.stringify([...e.doc.store.pendingStructs.missing]) : 'none'}, drops ${e.drops.join('/')}, ${e.text.length} chars, sv ${b64(Y.encodeStateVector(e.doc))}`).join('; ');
}

function settled(e) {
  return e.provider.joined && e.provider.synced && e.provider.unacked.size === 0;
}

const ops = {
  async open({ name, url, cookie, doc, user }) {
    const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    const ydoc = new Y.Doc();
    const provider = new DocProvider(socket, doc, ydoc, { ackTimeoutMs: 5000 });
    provider.awareness.setLocalState({ user: { name: user || name } });
    const entry = { socket, doc: ydoc, provider, text: ydoc.getText('text'), drops: [] };
    socket.on('disconnect', (reason) => entry.drops.push(reason));
    editors.set(name, entry);
    await until(() => provider.joined || provider.closed, 15000, `${name} to join`);
    return provider.closed ? { error: provider.closed } : { ok: true, read_only: provider.readOnly };
  },
  insert({ name, at, text }) {  // at: 0..1, a place in her text as it is now
    const e = editor(name);
    e.text.insert(Math.min(Math.floor(at * (e.text.length + 1)), e.text.length), text);
    return { length: e.text.length };
  },
  erase({ name, at, length }) {
    const e = editor(name);
    const from = Math.floor(at * e.text.length);
    e.text.delete(from, Math.min(length, e.text.length - from));
    return { length: e.text.length };
  },
  paragraph({ name, text }) {  // a paragraph at the end of the rich text (the fragment "content", as the PWA's editor writes it)
    const e = editor(name);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const content = e.doc.getXmlFragment('content');
    content.insert(content.length, [paragraph]);
    return { paragraphs: content.length };
  },
  offline({ name }) { editor(name).socket.disconnect(); return {}; },
  async online({ name }) {
    const e = editor(name);
    e.socket.connect();
    await until(() => e.provider.joined, 15000, `${name} to rejoin`);
    return {};
  },
  presence({ name, state }) { editor(name).provider.awareness.setLocalState(state); return {}; },
  peers({ name }) {
    const e = editor(name);
    return { peers: [...e.provider.awareness.getStates()].filter(([id]) => id !== e.doc.clientID).map(([, s]) => s) };
  },
  state({ name }) {
    const e = editor(name);
    return { text: e.text.toString(), content: e.doc.getXmlFragment('content').toString(), sv: b64(Y.encodeStateVector(e.doc)), update: b64(Y.encodeStateAsUpdate(e.doc)),
      unacked: e.provider.unacked.size, joined: e.provider.joined, synced: e.provider.synced };
  },
  async wait({ names, sv, timeout_ms: timeoutMs = 20000 }) {
    // Until each is joined, synced, has every update stored, and holds at least state vector `sv`.
    const target = sv ? Y.decodeStateVector(Buffer.from(sv, 'base64')) : new Map();
    const covers = (doc) => {
      const has = Y.decodeStateVector(Y.encodeStateVector(doc));
      return [...target].every(([client, clock]) => (has.get(client) ?? 0) >= clock);
    };
    await until(() => names.every((n) => settled(editor(n)) && covers(editor(n).doc)),
      timeoutMs, `${names.join(', ')} to settle`);
    return {};
  },
  close({ name }) {
    const e = editor(name);
    e.provider.destroy();
    e.socket.disconnect();
    editors.delete(name);
    return {};
  },
  quit() {
    for (const name of [...editors.keys()]) ops.close({ name });
    setImmediate(() => process.exit(0));
    return {};
  },
};

const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    let answer;
    try {
      const command = JSON.parse(line);
      answer = await ops[command.op](command);
    } catch (e) {
      answer = { failed: String(e?.stack || e) };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  });
});
lines.on('close', () => ops.quit());
