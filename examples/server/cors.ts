import { BROWSER_HEADERS } from './rules.js';

/**
 * CORS headers for a request from `origin`: `{}` when there is no `Origin`
 * (not a browser, nothing to allow), `null` when the origin is not allowed.
 */
export function corsHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[],
): Record<string, string> | null {
  if (origin === undefined) return {};
  if (!allowedOrigins.includes(origin)) return null;
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}

/** The answer to an allowed preflight: POST, with the API's headers (never `api-key`). */
export function preflightHeaders(cors: Record<string, string>): Record<string, string> {
  return {
    ...cors,
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': BROWSER_HEADERS.join(', '),
    'access-control-max-age': '600',
  };
}
