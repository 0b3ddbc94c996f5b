/**
 * Named versions of a co-edited document (docs/sync-protocol.md, "Named versions"): naming
 * one is the mutation doc_version.create, through the outbox like any write (offline it
 * waits); its local mutator keeps the server's rule — those who may edit the document, not
 * experts, not in an archived network — and is added to the table when the editor's chunk
 * loads. Opening one fetches its Yjs state; restoring it is an ordinary edit (ui/docs).
 */
import { addMutators } from '../mutators.js';
import { mutate } from '../writes.js';
import { uuid } from '../uuid.js';
import { rawFetch } from '../api.js';
import { actor, isActive, membershipOf, MutationError, trimmed } from '../mutation-kit.js';

/** @typedef {import('../mutation-kit.js').RowTx} RowTx */

/** The network a document belongs to, as the device knows it. @param {RowTx} rows @param {string} docId */
async function networkOf(rows, docId) {
  const [kind, id, rest] = docId.split(':');
  if (kind === 'minutes') return (await rows.get('meeting', id))?.network_id || null;
  if ((kind === 'plan' && rest === undefined) || (kind === 'notes' && rest)) return id;
  return null;
}

export const versionMutators = {
  /** @param {RowTx} rows @param {any} args @param {{at: string}} ctx */
  async 'doc_version.create'(rows, args, { at }) {
    const name = trimmed(args.name);
    if (!name) throw new MutationError('invalid', { name: 'required' });
    const networkId = await networkOf(rows, args.doc);
    if (!networkId) throw new MutationError('invalid', { doc: 'invalid' });
    const [network, m] = await Promise.all([rows.get('network', networkId), membershipOf(rows, networkId, actor())]);
    if (!isActive(m, at) || !['coordinator', 'member'].includes(m?.role)) throw new MutationError('forbidden');
    if (network?.status === 'archived') throw new MutationError('archived');
    if (await rows.get('doc_version', args.id)) throw new MutationError('conflict');
    await rows.put('doc_version', { id: args.id, doc: args.doc, network_id: networkId, name, created_by: actor(), created_at: at });
  },
};

addMutators(versionMutators);

/** Names the document as the server holds it now. @param {string} docId @param {string} name */
export const nameVersion = (docId, name) => mutate('doc_version.create', { id: uuid(), doc: docId, name });

/**
 * One version's whole document, as one Yjs update. Throws NetworkError offline.
 * @param {string} docId @param {string} versionId @returns {Promise<Uint8Array>}
 */
export async function fetchVersion(docId, versionId) {
  const response = await rawFetch('GET', `/api/docs/${encodeURIComponent(docId)}/versions/${encodeURIComponent(versionId)}`);
  if (!response.ok) throw new Error(`version ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
