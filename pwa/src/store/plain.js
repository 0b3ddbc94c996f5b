/**
 * Plain rows for the screens (server fields plus `pending`, rows deleted
 * locally left out) and the orders they are shown in.
 */
import { toRow } from './schema.js';

/** Names in Polish alphabetical order (Ł after L), English words too. */
export const collator = new Intl.Collator(['pl', 'en'], { sensitivity: 'base' });

/** Milliseconds of an ISO time; missing times sort first. @param {string|undefined|null} iso */
export const time = (iso) => (iso ? Date.parse(iso) || 0 : 0);

/**
 * @param {any[]} records
 * @returns {Record<string, any>[]}
 */
export const rows = (records) => /** @type {Record<string, any>[]} */ (records.map(toRow).filter(Boolean));

/** @param {Record<string, any>} a @param {Record<string, any>} b */
export const byName = (a, b) => collator.compare(a.name || '', b.name || '');
