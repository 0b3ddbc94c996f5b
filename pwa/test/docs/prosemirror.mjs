// A ProseMirror document (JSON, argv[2]) in the Y.XmlFragment "content", as y-prosemirror writes
// it when the editor binds it: prints Y.encodeStateAsUpdate as base64. The schema is the editor's
// contract (docs/sync-protocol.md): paragraph, heading {level}, bulletList, orderedList, listItem;
// bold, italic, link {href}. Used by tests/integration/test_minutes_export.py.
import { Schema } from 'prosemirror-model';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    text: { group: 'inline' },
    paragraph: { group: 'block', content: 'inline*' },
    heading: { group: 'block', content: 'inline*', attrs: { level: { default: 1 } } },
    bulletList: { group: 'block', content: 'listItem+' },
    orderedList: { group: 'block', content: 'listItem+', attrs: { start: { default: 1 } } },
    listItem: { content: 'paragraph block*' },
  },
  marks: { bold: {}, italic: {}, link: { attrs: { href: {} } } },
});
const doc = prosemirrorJSONToYDoc(schema, JSON.parse(process.argv[2]), 'content');
process.stdout.write(Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'));
