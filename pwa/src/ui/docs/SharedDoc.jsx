/**
 * A co-edited document on screen: who is here, the toolbar, the text, and a line saying
 * whether what she wrote is with the others yet. It opens from the device's copy first
 * (offline too: y-indexeddb), then joins the server on the live channel. When she may only
 * read (the server's read_only, or what her device knows: an expert, an archived network)
 * the text cannot be changed and the screen says why. Loaded in a chunk of its own.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { openDoc } from '../../sync/docs/open.js';
import { docSocket } from '../../sync/docs/channel.js';
import { useOnline } from '../hooks.js';
import { Loading } from '../bits.jsx';
import { activeMarks, createEditor } from './editor.js';
import { Presence } from './Presence.jsx';
import { Toolbar } from './Toolbar.jsx';
import { w } from './words.js';
import 'prosemirror-view/style/prosemirror.css';
import './docs.css';

/** Colours for cursors and initials: dark enough for white letters (contrast ≥ 4.5). */
const COLOURS = ['#b42318', '#9a3412', '#7a5c00', '#166534', '#0f766e', '#1d4ed8', '#6d28d9', '#a21caf'];

/** Her colour, the same on each of her devices. @param {string} id */
export function colourOf(id) {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length];
}

/**
 * @typedef {{docId: string, me: {id: string, name: string}, readOnlyWhy?: 'expert' | 'archived' | null,
 *   children?: (open: {view: import('prosemirror-view').EditorView, doc: import('yjs').Doc}) => any}} Props
 */

/** @param {Props} props */
export function SharedDoc({ docId, me, readOnlyWhy = null, children }) {
  const place = useRef(/** @type {HTMLDivElement | null} */ (null));
  const online = useOnline();
  const [view, setView] = useState(/** @type {import('prosemirror-view').EditorView | null} */ (null));
  const [ydoc, setYdoc] = useState(/** @type {import('yjs').Doc | null} */ (null));
  const [active, setActive] = useState(/** @type {ReturnType<typeof activeMarks> | null} */ (null));
  const [joined, setJoined] = useState(false);
  const [serverReadOnly, setServerReadOnly] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [closed, setClosed] = useState(false);
  const [people, setPeople] = useState(/** @type {import('./Presence.jsx').Here[]} */ ([]));
  const readOnly = !!readOnlyWhy || serverReadOnly || closed;
  const readOnlyNow = useRef(readOnly);
  readOnlyNow.current = readOnly;

  useEffect(() => {
    let gone = false;
    /** @type {Awaited<ReturnType<typeof openDoc>> | null} */
    let opened = null;
    /** @type {import('prosemirror-view').EditorView | null} */
    let editor = null;
    openDoc(docSocket(), docId, { user: { name: me.name, color: colourOf(me.id) } }).then((o) => {
      if (gone) return void o.close();
      opened = o;
      const { doc, provider } = o;
      const awareness = provider.awareness;
      editor = createEditor(/** @type {HTMLDivElement} */ (place.current), doc, awareness, {
        editable: () => !readOnlyNow.current,
        onState: (state) => setActive(activeMarks(state)),
        label: w('doc.label'),
        hint: w('doc.empty'),
      });
      const seePeople = () => setPeople([...awareness.getStates()]
        .filter(([, state]) => state?.user?.name)
        .map(([clientId, state]) => ({ clientId, name: String(state.user.name), color: String(state.user.color || COLOURS[0]), me: clientId === doc.clientID }))
        .sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name)));
      const seeWaiting = () => setWaiting(provider.unacked.size > 0);
      awareness.on('change', seePeople);
      provider.on('status', (/** @type {{joined: boolean, readOnly: boolean}} */ s) => {
        setJoined(s.joined);
        setServerReadOnly(s.readOnly);
        seeWaiting();
      });
      provider.on('saved', seeWaiting);
      provider.on('closed', () => setClosed(true));
      doc.on('update', seeWaiting);
      setJoined(provider.joined);
      setServerReadOnly(provider.readOnly);
      seePeople();
      seeWaiting();
      setActive(activeMarks(editor.state));
      setView(editor);
      setYdoc(doc);
    });
    return () => {
      gone = true;
      editor?.destroy();
      opened?.close();
    };
  }, [docId, me.id]);

  // The text becomes (not) editable as her rights are learnt.
  useEffect(() => { view?.setProps({ editable: () => !readOnly }); }, [view, readOnly]);

  const why = closed ? 'doc.closed' : readOnlyWhy === 'expert' ? 'doc.readOnlyExpert'
    : readOnlyWhy === 'archived' ? 'doc.readOnlyArchived' : serverReadOnly ? 'doc.readOnlyServer' : '';
  const status = !online ? 'doc.offline' : !joined ? 'doc.connecting' : waiting ? 'doc.saving' : 'doc.saved';
  return (
    <div class={`doc${readOnly ? ' is-read-only' : ''}`} data-testid="doc" data-doc={docId} data-read-only={readOnly ? 'true' : 'false'}>
      <Presence people={people} />
      {why && <p class="notice doc-why" data-testid="doc-read-only">{w(why)}</p>}
      {view && active && !readOnly && <Toolbar view={view} active={active} />}
      {!view && <Loading />}
      <div ref={place} class="doc-editor" />
      {!readOnly && <p class={`doc-status${!online ? ' is-offline' : ''}`} role="status" data-testid="doc-status">{w(status)}</p>}
      {view && ydoc && children?.({ view, doc: ydoc })}
    </div>
  );
}
