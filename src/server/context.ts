import { HttpError } from './errors.js';
import type { Handoffs } from './handoff.js';
import type { Idempotency } from './idempotency.js';
import { isLoopbackAddress, type ResolvedOptions } from './resolve-options.js';
import type { Sessions } from './sessions.js';
import type { StreamSlots } from './stream-slots.js';
import type { EkycStore } from './store/types.js';

/** The subject of anonymous development requests. */
export const ANONYMOUS = 'anonymous';

/** What every route works with. */
export interface Exchange {
  request: Request;
  options: ResolvedOptions;
  store: EkycStore;
  sessions: Sessions;
  idempotency: Idempotency;
  handoffs: Handoffs;
  /** This instance's open event streams. */
  streams: StreamSlots;
  /** The client's address, for the per-address limit: the peer, or what trusted proxies say. */
  address: string | undefined;
  /** The socket's remote address, when the adapter knows it. */
  peer: string | undefined;
  /** Aborted when the client goes away. */
  signal: AbortSignal | undefined;
}

/** The subject the integrator's `authorize` names; 401 when it names nobody. */
export async function authorize(exchange: Exchange): Promise<string> {
  const { options, request, address, peer } = exchange;
  let subject: string | null = null;
  if (options.authorize) {
    try {
      subject = await options.authorize(request);
    } catch (cause) {
      options.log?.(`authorize failed: ${cause instanceof Error ? cause.name : 'error'}`);
      throw new HttpError(500, 'authorize-failed', 'The login could not be checked.', { cause });
    }
  }
  if (typeof subject === 'string' && subject !== '') return subject;
  if (options.allowAnonymousOnLoopback) {
    // The socket itself must come from this machine, and so must the client behind a local proxy:
    // a header alone never makes a remote client local.
    if (isLoopbackAddress(peer) && isLoopbackAddress(address)) return ANONYMOUS;
    throw new HttpError(403, 'not-loopback', 'Anonymous use is allowed from this machine only.');
  }
  throw new HttpError(401, 'unauthorized', 'Sign in first.');
}

/** Runs an integrator's hook; a failure becomes a 500 so that no unkept result reaches the user. */
export async function keep(options: ResolvedOptions, run: () => void | Promise<void>): Promise<void> {
  try {
    await run();
  } catch (cause) {
    options.log?.(`a result hook failed: ${cause instanceof Error ? cause.name : 'error'}`);
    throw new HttpError(500, 'hook-failed', 'The result could not be kept.', { cause });
  }
}
