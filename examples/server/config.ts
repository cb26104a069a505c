/** Everything the proxy needs, read once from the environment. */
export interface ProxyConfig {
  /** The FPT.AI key: sent upstream only, never to the browser, never logged. */
  apiKey: string;
  /** Upstream base URL, for example `https://ekyc.fpt.ai`. */
  apiBase: string;
  /** Exact origins (`https://shop.example`) whose pages may call the proxy. */
  allowedOrigins: readonly string[];
  /** Largest upload accepted on `/ocr` and `/face/liveness`, in bytes. */
  maxBodyBytes: number;
  /** How long the upstream may stay silent before the browser gets 504. */
  upstreamTimeoutMs: number;
  port: number;
  host: string;
}

export const DEFAULTS = {
  apiBase: 'https://ekyc.fpt.ai',
  maxBodyBytes: 10 * 1024 * 1024,
  upstreamTimeoutMs: 25_000,
  port: 3000,
  host: '127.0.0.1',
} as const;

function whole(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${text}".`);
  return value;
}

function origins(text: string | undefined): string[] {
  const list = (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (origin === '*') throw new Error('ALLOWED_ORIGINS cannot be "*": any site could spend your quota.');
    if (URL.canParse(origin) && new URL(origin).origin === origin) continue;
    throw new Error(`ALLOWED_ORIGINS: "${origin}" is not an origin such as https://shop.example.`);
  }
  return list;
}

function base(text: string | undefined): string {
  const value = text || DEFAULTS.apiBase;
  const protocol = URL.canParse(value) ? new URL(value).protocol : '';
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(`FPT_API_BASE must be an http(s) URL, got "${value}".`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * Reads `FPT_API_KEY` (required), `FPT_API_BASE`, `ALLOWED_ORIGINS`
 * (comma-separated), `MAX_BODY_BYTES`, `UPSTREAM_TIMEOUT_MS`, `PORT`, `HOST`.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ProxyConfig {
  const apiKey = env['FPT_API_KEY'] ?? '';
  if (apiKey === '') throw new Error('Set FPT_API_KEY to your FPT.AI key.');
  return {
    apiKey,
    apiBase: base(env['FPT_API_BASE']),
    allowedOrigins: origins(env['ALLOWED_ORIGINS']),
    maxBodyBytes: whole('MAX_BODY_BYTES', env['MAX_BODY_BYTES'], DEFAULTS.maxBodyBytes),
    upstreamTimeoutMs: whole('UPSTREAM_TIMEOUT_MS', env['UPSTREAM_TIMEOUT_MS'], DEFAULTS.upstreamTimeoutMs),
    port: whole('PORT', env['PORT'], DEFAULTS.port),
    host: env['HOST'] || DEFAULTS.host,
  };
}
