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

/**
 * fetch for file bytes (HEAD, PUT of raw bytes, GET of a Blob): session cookie
 * and CSRF header as above, the Response as it came. NetworkError when offline.
 * @param {'GET'|'HEAD'|'PUT'|'POST'} method @param {string} path
 * @param {{body?: Blob, headers?: Record<string, string>}} [opts]
 * @returns {Promise<Response>}
 */
export async function rawFetch(method, path, opts = {}) {
  /** @type {Record<string, string>} */
  const headers = { ...(opts.headers || {}) };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(path, { method, headers, body: opts.body, credentials: 'same-origin', cache: 'no-store' });
  } catch (err) {
    throw new NetworkError(err);
  }
}
