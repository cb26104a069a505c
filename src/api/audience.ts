import type { ApiAudience, ApiConfig } from './types.js';

/**
 * Who answers at `apiBase`: FPT.AI, which must get exactly its documented contract, or a server of the
 * integrator's, which also takes our `Idempotency-Key` and the host's headers. What the host says
 * (`audience`) wins; otherwise a key means FPT.AI (our server never takes one from a page); a handoff,
 * the host's own headers or the page's own origin mean its server; anything else FPT.AI: never an
 * undocumented header to FPT.AI unless the host asks.
 */
export function audienceOf(config: ApiConfig, pageUrl: string | undefined = (globalThis as { location?: { href: string } }).location?.href): ApiAudience {
  if (config.audience) return config.audience;
  if (config.apiKey) return 'fpt-ai';
  if (config.handoff || config.headers !== undefined) return 'server';
  return sameOrigin(config.apiBase, pageUrl) ? 'server' : 'fpt-ai';
}

function sameOrigin(apiBase: string, pageUrl: string | undefined): boolean {
  if (pageUrl === undefined) return false;
  try {
    return new URL(apiBase, pageUrl).origin === new URL(pageUrl).origin;
  } catch {
    return false;
  }
}
