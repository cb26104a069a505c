import type { EkycDocumentType, EkycFlow } from 'ekyc-flow/server';

/** The example app's settings, read once from the environment. */
export interface ExampleConfig {
  /** The FPT.AI key: sent upstream only, never to the browser, never logged. */
  apiKey: string;
  /** FPT.AI's base URL (default `https://ekyc.fpt.ai`). */
  apiBase: string | undefined;
  /** Exact origins whose pages may call the server. */
  allowedOrigins: string[];
  port: number;
  host: string;
  /** A shared store for several instances; memory when absent. */
  redisUrl: string | undefined;
  /** The example's own login: bearer token → user name. */
  users: ReadonlyMap<string, string>;
  /** Development only: anonymous requests from this machine. */
  allowAnonymous: boolean;
  /** What every session checks: `full` (default) or `document-only`. */
  flow: EkycFlow;
  /** The document types sessions accept (default all). */
  documentTypes: EkycDocumentType[] | undefined;
  /** The reverse proxies in front, whose `X-Forwarded-For` is believed: addresses or ranges. */
  trustedProxies: string[];
}

const FLOWS: readonly string[] = ['full', 'document-only'];
const DOCUMENT_TYPES: readonly string[] = ['idr', 'passport', 'dlr'];

function flowOf(text: string | undefined): EkycFlow {
  const flow = text || 'full';
  if (!FLOWS.includes(flow)) throw new Error(`EKYC_FLOW must be full or document-only, got "${flow}".`);
  return flow as EkycFlow;
}

/** `DOCUMENT_TYPES="idr,passport"`; empty: every type. */
function documentTypesOf(text: string | undefined): EkycDocumentType[] | undefined {
  const types = list(text);
  if (types.length === 0) return undefined;
  const unknown = types.find((type) => !DOCUMENT_TYPES.includes(type));
  if (unknown !== undefined) throw new Error(`DOCUMENT_TYPES: "${unknown}" is not one of idr, passport, dlr.`);
  return [...new Set(types)] as EkycDocumentType[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function whole(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${text}".`);
  return value;
}

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `DEMO_USERS="alice:token-a,bob:token-b"`: `Authorization: Bearer token-a` is alice. */
function users(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of list(text)) {
    const [name = '', token = ''] = entry.split(':');
    if (!/^[\w.-]{1,64}$/.test(name) || token.length < 6) {
      throw new Error(`DEMO_USERS: "${entry}" is not name:token (a token of at least 6 characters).`);
    }
    map.set(token, name);
  }
  return map;
}

/**
 * Reads `FPT_API_KEY` (required), `FPT_API_BASE`, `ALLOWED_ORIGINS`, `PORT`, `HOST`,
 * `REDIS_URL`, `DEMO_USERS`, `ALLOW_ANONYMOUS`, `EKYC_FLOW`, `DOCUMENT_TYPES`, `TRUSTED_PROXIES`. Without `DEMO_USERS` it refuses to
 * start unless `ALLOW_ANONYMOUS=1` and it listens on loopback.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ExampleConfig {
  const apiKey = env['FPT_API_KEY'] ?? '';
  if (apiKey === '') throw new Error('Set FPT_API_KEY to your FPT.AI key.');
  const host = env['HOST'] || '127.0.0.1';
  const config: ExampleConfig = {
    apiKey,
    apiBase: env['FPT_API_BASE'] || undefined,
    allowedOrigins: list(env['ALLOWED_ORIGINS']),
    port: whole('PORT', env['PORT'], 3000),
    host,
    redisUrl: env['REDIS_URL'] || undefined,
    users: users(env['DEMO_USERS']),
    allowAnonymous: env['ALLOW_ANONYMOUS'] === '1',
    flow: flowOf(env['EKYC_FLOW']),
    documentTypes: documentTypesOf(env['DOCUMENT_TYPES']),
    trustedProxies: list(env['TRUSTED_PROXIES']),
  };
  if (config.users.size === 0 && !config.allowAnonymous) {
    throw new Error('Set DEMO_USERS="alice:token-a,…" (or ALLOW_ANONYMOUS=1 for local development on 127.0.0.1).');
  }
  if (config.allowAnonymous && !LOOPBACK.has(host)) {
    throw new Error(`ALLOW_ANONYMOUS=1 listens on loopback only; HOST is "${host}".`);
  }
  return config;
}
