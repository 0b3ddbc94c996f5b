/**
 * A co-edited document on screen: who is here, the toolbar, the text, and a line saying
 * whether what she wrote is with the others yet. It opens from the device's copy first
 * (offline too: y-indexeddb), then joins the server on the live channel. When she may only
 * read (the server's read_only, or what her device knows: an expert, an archived network)
 * the text cannot be changed and the screen says why. Below, its named versions (History).
 * Loaded in a chunk of its own.
 */
import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { openDoc } from '../../sync/docs/open.js';
import { docSocket } from '../../sync/docs/channel.js';
import { useOnline } from '../hooks.js';
import { Loading } from '../bits.jsx';
import { activeMarks, createEditor } from './editor.js';
import { Presence } from './Presence.jsx';
import { Toolbar } from './Toolbar.jsx';
import { History } from './History.jsx';
import { t } from '../i18n.js';
import './words.js';
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
 * Where ProseMirror draws the text: rendered once and never again, so that no re-render of the
 * screen around it touches the editor's own DOM.
 * @extends {Component<{host: {current: HTMLDivElement | null}}>}
 */
class EditorHost extends Component {
  shouldComponentUpdate() {
    return false;
  }

  render() {
    return <div ref={this.props.host} class="doc-editor" />;
  }
}

/**
 * @typedef {{docId: string, me: {id: string, name: string}, readOnlyWhy?: 'expert' | 'archived' | null}} Props
 */

/** @param {Props} props */
export function SharedDoc({ docId, me, readOnlyWhy = null }) {
  const place = useRef(/** @type {HTMLDivElement | null} */ (null));
  const online = useOnline();
  const [view, setView] = useState(/** @type {import('prosemirror-view').EditorView | null} */ (null));
  const [active, setActive] = useState(/** @type {ReturnType<typeof activeMarks> | null} */ (null));
  const [joined, setJoined] = useState(false);
  const [serverReadOnly, setServerReadOnly] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [closed, setClosed] = useState(false);
  const [failed, setFailed] = useState(false);
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
        label: t('doc.label'),
        hint: t('doc.empty'),
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
    }, (err) => {
      console.error('document did not open', err);
      setFailed(true);
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
      {why ? <p class="notice doc-why" data-testid="doc-read-only">{t(why)}</p> : null}
      {view && active && !readOnly ? <Toolbar view={view} active={active} /> : null}
      {view ? null : failed ? <p role="alert">{t('common.screenFailed')}</p> : <Loading />}
      <EditorHost host={place} />
      {readOnly ? null : <p class={`doc-status${!online ? ' is-offline' : ''}`} role="status" data-testid="doc-status">{t(status)}</p>}
      {view ? <History docId={docId} view={view} canEdit={!readOnly} /> : null}
    </div>
  );
}
