/**
 * A ProseMirror editor bound to a Yjs document's rich text (y-prosemirror): her edits go into
 * the Y.XmlFragment "content" and the others' come out of it; the others' cursors are drawn
 * from presence (awareness); undo takes back only her own changes. The toolbar's commands too.
 */
import { EditorState, Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, setBlockType, toggleMark } from 'prosemirror-commands';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { initProseMirrorDoc, redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { CONTENT, safeHref, schema } from './schema.js';

/** @typedef {import('prosemirror-state').Command} Command */

const { nodes, marks } = schema;

/** A list of this kind around the selection, or out of it when it is in one already. @param {import('prosemirror-model').NodeType} type @returns {Command} */
const toggleList = (type) => (state, dispatch) => {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type === type) return liftListItem(nodes.listItem)(state, dispatch);
    if (node.type === nodes.bulletList || node.type === nodes.orderedList) {
      if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(d), type));
      return true;
    }
  }
  return wrapInList(type)(state, dispatch);
};

/** A heading, or back to a paragraph when it is one. @param {number} level @returns {Command} */
const toggleHeading = (level) => (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type === nodes.heading && $from.parent.attrs.level === level) return setBlockType(nodes.paragraph)(state, dispatch);
  return setBlockType(nodes.heading, { level })(state, dispatch);
};

/** The toolbar's commands, by name. */
export const commands = {
  heading: toggleHeading(2),
  subheading: toggleHeading(3),
  bold: toggleMark(marks.bold),
  italic: toggleMark(marks.italic),
  bulletList: toggleList(nodes.bulletList),
  orderedList: toggleList(nodes.orderedList),
  /** @type {Command} */
  undo: (state) => undo(state),
  /** @type {Command} */
  redo: (state) => redo(state),
};

/** Which of the toolbar's buttons are "on" where she is. @param {EditorState} state */
export function activeMarks(state) {
  const { from, $from, to, empty } = state.selection;
  /** @param {import('prosemirror-model').MarkType} type */
  const has = (type) => (empty ? !!type.isInSet(state.storedMarks || $from.marks()) : state.doc.rangeHasMark(from, to, type));
  /** @param {import('prosemirror-model').NodeType} type */
  const inside = (type) => {
    for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
    return false;
  };
  const parent = $from.parent;
  return {
    heading: parent.type === nodes.heading && parent.attrs.level !== 3,
    subheading: parent.type === nodes.heading && parent.attrs.level === 3,
    bold: has(marks.bold),
    italic: has(marks.italic),
    link: has(marks.link),
    bulletList: inside(nodes.bulletList),
    orderedList: inside(nodes.orderedList),
  };
}

/** The link under the selection (its address), or ''. @param {EditorState} state */
export function linkAt(state) {
  const { $from } = state.selection;
  const mark = marks.link.isInSet($from.marks()) || marks.link.isInSet($from.nodeAfter?.marks || []);
  return mark ? String(mark.attrs.href) : '';
}

/**
 * Sets the link on the selection (the word she is in, when nothing is selected: the address
 * itself is written when there is no word), or removes it with an empty address.
 * @param {EditorView} view @param {string} address @returns {boolean} false: not an address one may follow
 */
export function setLink(view, address) {
  const { state } = view;
  let { from, to, empty } = state.selection;
  if (empty) {
    // The whole link or word around the cursor.
    const $pos = state.selection.$from;
    const text = $pos.parent.textContent;
    const at = $pos.parentOffset;
    let start = at;
    let end = at;
    while (start > 0 && !/\s/.test(text[start - 1])) start--;
    while (end < text.length && !/\s/.test(text[end])) end++;
    from = $pos.start() + start;
    to = $pos.start() + end;
  }
  if (!address.trim()) {
    view.dispatch(state.tr.removeMark(from, to, marks.link));
    return true;
  }
  const href = safeHref(address);
  if (!href) return false;
  const mark = marks.link.create({ href });
  const tr = state.tr;
  if (from === to) tr.insert(from, schema.text(address.trim(), [mark]));
  else tr.removeMark(from, to, marks.link).addMark(from, to, mark);
  view.dispatch(tr.scrollIntoView());
  return true;
}

/** A hint in the empty document ("Zacznij pisać…"), gone with the first letter. @param {string} hint */
const placeholder = (hint) => new Plugin({
  props: {
    decorations(state) {
      const first = state.doc.firstChild;
      if (state.doc.childCount !== 1 || !first?.isTextblock || first.content.size > 0) return null;
      return DecorationSet.create(state.doc, [Decoration.node(0, first.nodeSize, { class: 'doc-empty', 'data-hint': hint })]);
    },
  },
});

/**
 * @param {HTMLElement} place where the editor goes
 * @param {import('yjs').Doc} doc
 * @param {import('y-protocols/awareness').Awareness} awareness
 * @param {{editable: () => boolean, onState: (state: EditorState) => void, label: string, hint: string}} options
 */
export function createEditor(place, doc, awareness, options) {
  const fragment = doc.getXmlFragment(CONTENT);
  // A new document has no node at all yet: it starts as one empty paragraph, written to Yjs
  // only when she types (y-prosemirror leaves an unchanged start alone), so two people
  // opening it at once do not each add one.
  const { doc: start, mapping } = fragment.length > 0
    ? initProseMirrorDoc(fragment, schema)
    : { doc: /** @type {import('prosemirror-model').Node} */ (schema.topNodeType.createAndFill()), mapping: undefined };
  const view = new EditorView(place, {
    state: EditorState.create({
      doc: start,
      schema,
      plugins: [
        ySyncPlugin(fragment, { mapping }),
        yCursorPlugin(awareness),
        yUndoPlugin(),
        keymap({
          'Mod-z': commands.undo,
          'Mod-y': commands.redo,
          'Mod-Shift-z': commands.redo,
          'Mod-b': commands.bold,
          'Mod-i': commands.italic,
          Enter: splitListItem(nodes.listItem),
          Tab: sinkListItem(nodes.listItem),
          'Shift-Tab': liftListItem(nodes.listItem),
        }),
        keymap(baseKeymap),
        placeholder(options.hint),
      ],
    }),
    editable: options.editable,
    attributes: { 'aria-label': options.label, 'aria-multiline': 'true', role: 'textbox', class: 'doc-text', 'data-testid': 'doc-text' },
    // `this`, not `view`: y-prosemirror dispatches while the view is being made (a new document's first render).
    /** @this {EditorView} @param {import('prosemirror-state').Transaction} tr */
    dispatchTransaction(tr) {
      const state = this.state.apply(tr);
      this.updateState(state);
      options.onState(state);
    },
  });
  return view;
}

/**
 * Her document becomes what an older version held — as one more change of hers, so the
 * others' history keeps everything and restoring can itself be undone or restored.
 * @param {EditorView} view @param {import('yjs').Doc} old the older version, in a Y.Doc of its own
 */
export function replaceWith(view, old) {
  const node = yXmlFragmentToProseMirrorRootNode(old.getXmlFragment(CONTENT), schema);
  const { state } = view;
  view.dispatch(state.tr.replaceWith(0, state.doc.content.size, node.content));
}
