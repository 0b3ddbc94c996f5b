/**
 * fetch for the same-origin JSON API: session cookie, CSRF header on writes,
 * and two kinds of failure the caller can tell apart — the network is down
 * (NetworkError) or the server answered with an error (ApiError).
 */

let csrfToken = '';

/** @param {string} token */
export function setCsrfToken(token) {
  csrfToken = token || '';
}

export class NetworkError extends Error {
  constructor(/** @type {unknown} */ cause) {
    super('network unavailable');
    this.cause = cause;
  }
}

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {{error?: {code?: string, message?: string, fields?: object}} & Record<string, any>} body
   */
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code || `http_${status}`;
    this.fields = body?.error?.fields;
    this.body = body || {};
  }
}

/**
 * @param {'GET'|'POST'} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>} parsed JSON, or null for an empty answer
 */
export async function request(method, path, body) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new NetworkError(err);
  }
  const text = await res.text().catch(() => '');
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}
