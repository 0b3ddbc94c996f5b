/** The staff dashboard (server/org/dashboard.py): figures only the server has; needs a connection. */
import { request } from '../api.js';

/**
 * @typedef {{id: string, name: string, kind: string, status: string, recruitment: string,
 *   school_year: string|null, capacity: number|null, members: number, pending: number, schools: number}} DashboardNetwork
 * @typedef {{requests: {pending: number, approved: number, rejected: number},
 *   networks: DashboardNetwork[], by_kind: Record<string, Record<string, number>>,
 *   schools: {id: string, name: string, town: string, members: number}[]}} Dashboard
 * @returns {Promise<Dashboard>}
 */
export async function staffDashboard() {
  return request('GET', '/api/staff/dashboard');
}
