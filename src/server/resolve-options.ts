import { parseRange, type AddressRange } from './ip.js';
import { DEFAULT_LIMITS, type EkycLimits, type EkycServerOptions } from './options.js';
import { INTEGRITY_MODES } from './integrity.js';
import { checkDocumentTypes, checkFlow, checkPolicyOption } from './policy.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export const isLoopbackHost = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && (isLoopbackHost(address) || isLoopbackHost(address.replace(/^::ffff:/, '')));

/** Checks the base: an http(s) URL, `https` unless on loopback (the key travels in it). */
export function checkApiBase(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`FPT_API_BASE must be an https URL, got "${value}".`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new Error(`FPT_API_BASE must use https (the key travels with every call), got "${value}".`);
  }
  return value.replace(/\/+$/, '');
}

export function checkOrigins(list: readonly string[]): string[] {
  for (const origin of list) {
    if (origin === '*') throw new Error('allowedOrigins cannot be "*": any site could spend your quota.');
    if (!(URL.canParse(origin) && new URL(origin).origin === origin)) {
      throw new Error(`allowedOrigins: "${origin}" is not an origin such as https://shop.example.`);
    }
  }
  return [...list];
}

function checkLimits(given: Partial<EkycLimits>): EkycLimits {
  const limits = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`limits.${name} must be a whole number, got ${value}.`);
  }
  return limits;
}

/** The options with every default filled in, checked once at creation. */
export interface ResolvedOptions extends Omit<EkycServerOptions, 'limits' | 'apiBase' | 'allowedOrigins' | 'basePath' | 'trustedProxies'> {
  trustedProxies: readonly AddressRange[];
  apiBase: string;
  allowedOrigins: readonly string[];
  limits: EkycLimits;
  basePath: string;
  now: () => number;
}

export function resolveOptions(options: EkycServerOptions): ResolvedOptions {
  if (!options.apiKey) throw new Error('apiKey is required: your FPT.AI key.');
  if (typeof options.authorize !== 'function' && options.allowAnonymousOnLoopback !== true) {
    throw new Error(
      'authorize(request) is required: return the signed-in user, or null. ' +
        'For local development only, allowAnonymousOnLoopback: true lets anonymous requests from this machine in.',
    );
  }
  if (options.integrity !== undefined && !INTEGRITY_MODES.includes(options.integrity)) {
    throw new Error(`integrity must be one of ${INTEGRITY_MODES.join(', ')}, got ${JSON.stringify(options.integrity)}.`);
  }
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath !== '' && !/^\/[\w\-./]*$/.test(basePath)) throw new Error(`basePath "${basePath}" is not a path.`);
  return {
    ...options,
    apiBase: checkApiBase(options.apiBase ?? 'https://ekyc.fpt.ai'),
    allowedOrigins: checkOrigins(options.allowedOrigins ?? []),
    limits: checkLimits(options.limits ?? {}),
    trustedProxies: (options.trustedProxies ?? []).map((text) => {
      try {
        return parseRange(text);
      } catch (error) {
        throw new Error(`trustedProxies: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }),
    flow: checkPolicyOption(options.flow, checkFlow),
    documentTypes: checkPolicyOption(options.documentTypes, checkDocumentTypes),
    basePath,
    now: options.now ?? Date.now,
  };
}
