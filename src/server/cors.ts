/**
 * CORS headers for a request from `origin`: `{}` without `Origin` (not a browser page),
 * `null` when the origin is not allowed. Allowed origins may send credentials.
 */
export function corsHeaders(origin: string | null, allowedOrigins: readonly string[]): Record<string, string> | null {
  if (origin === null) return {};
  if (!allowedOrigins.includes(origin)) return null;
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'retry-after',
    vary: 'origin',
  };
}

const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/**
 * The answer to an allowed preflight. The headers the page asks for are allowed as
 * they are, so that a host can add its own (`authorization`, a CSRF token); the
 * origin is one the integrator trusts, and `api-key` is never forwarded anyway.
 */
export function preflightHeaders(cors: Record<string, string>, requested: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    ...cors,
    'access-control-allow-methods': 'GET, POST',
    'access-control-max-age': '600',
    vary: 'origin, access-control-request-headers',
  };
  if (requested && requested.length <= 1024 && HEADER_LIST.test(requested.trim())) {
    headers['access-control-allow-headers'] = requested.trim();
  }
  return headers;
}
