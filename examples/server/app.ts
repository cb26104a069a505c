import { createEkycServer, createRedisStore, type EkycServer } from 'ekyc-flow/server';
import type { ExampleConfig } from './config.js';
import { demoLogin } from './login.js';

/** The example's server: `ekyc-flow/server` with the demo login, a Redis store when `REDIS_URL` is set, and results logged. */
export async function createExampleServer(
  config: ExampleConfig,
  log: (line: string) => void = (line) => console.log(line),
): Promise<EkycServer> {
  return createEkycServer({
    apiKey: config.apiKey,
    apiBase: config.apiBase,
    allowedOrigins: config.allowedOrigins,
    authorize: config.users.size > 0 ? demoLogin(config.users) : undefined,
    allowAnonymousOnLoopback: config.allowAnonymous,
    flow: config.flow,
    documentTypes: config.documentTypes,
    trustedProxies: config.trustedProxies,
    store: config.redisUrl ? await createRedisStore({ url: config.redisUrl }) : undefined,
    log,
    hooks: {
      // Keep the result in your database and act on it here: this is the only verdict to trust.
      onComplete: (result) => log(`result: ${result.subject} ${result.status} ${result.reasons.join(', ')}`),
    },
  });
}
