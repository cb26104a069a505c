/**
 * `ekyc-flow/server`: the server half of `<ekyc-flow>` for Node 20+. It keeps the
 * FPT.AI key, creates sessions for signed-in users only, checks every upload, calls
 * FPT.AI at most once per capture, and decides the result itself.
 */
import type { RequestListener } from 'node:http';
import { listen, middleware, nodeListener, type ListeningServer, type Middleware } from './node.js';
import type { EkycServerOptions } from './options.js';
import { resolveOptions } from './resolve-options.js';
import { routeOf } from './router.js';
import { createFetchHandler, type FetchHandler } from './server.js';
import { withDeadline } from './store/deadline.js';
import { createMemoryStore } from './store/memory.js';
import type { EkycStore } from './store/types.js';

export interface EkycServer {
  /** The Fetch-standard handler: Next.js route handlers, Hono, Bun, Deno. */
  fetch: FetchHandler;
  /** A `node:http` request listener. */
  listener: RequestListener;
  /** Express/Connect middleware; other paths go to `next()`. Mount it before body parsers. */
  middleware: Middleware;
  /** Starts a `node:http` server of its own (port 0: any free port; host default `127.0.0.1`). */
  listen(options?: { port?: number; host?: string }): Promise<ListeningServer>;
  /** Closes the servers `listen` started and the store. */
  close(): Promise<void>;
  readonly store: EkycStore;
}

export function createEkycServer(options: EkycServerOptions): EkycServer {
  const resolved = resolveOptions(options);
  const store = options.store ?? createMemoryStore();
  if (resolved.allowAnonymousOnLoopback) {
    console.warn(
      'ekyc-flow/server: DEVELOPMENT MODE, anonymous requests from this machine are let through. ' +
        'Never run this in production: give authorize(request) instead.',
    );
  }
  const fetchHandler = createFetchHandler(resolved, withDeadline(store, resolved.limits.storeTimeoutMs));
  const listener = nodeListener(fetchHandler, resolved.limits);
  const started: ListeningServer[] = [];
  return {
    fetch: fetchHandler,
    listener,
    middleware: middleware(listener, (pathname) => routeOf(pathname, resolved.basePath) !== null),
    listen: async ({ port, host } = {}) => {
      const server = await listen(listener, { port, host, ...resolved.limits });
      started.push(server);
      return server;
    },
    close: async () => {
      await Promise.all(started.splice(0).map((server) => server.close()));
      await store.close();
    },
    store,
  };
}

export type { EkycServerOptions, EkycLimits, EkycHooks, Authorize, CreatedSession, UploadRecord } from './options.js';
export { DEFAULT_LIMITS } from './options.js';
export type { EkycDocumentType, EkycFlow, PolicyOption, SessionPolicy } from './policy.js';
export type { EkycResult } from './result.js';
export type { IntegrityEvidence, IntegrityMode, IntegrityUpload } from './integrity.js';
export type { SignalRecord } from './integrity-part.js';
export { decide, DEFAULT_VERDICT_RULE } from './verdict.js';
export type { Evidence, Verdict, VerdictReason, VerdictRule, VerdictStatus, OcrSideRecord } from './verdict.js';
export type { EkycStore } from './store/types.js';
export { createMemoryStore } from './store/memory.js';
export { createRedisStore, type RedisStoreOptions } from './store/redis.js';
export type { FetchHandler, RequestContext } from './server.js';
export type { ListeningServer, Middleware } from './node.js';
