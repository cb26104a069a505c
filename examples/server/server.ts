/**
 * The proxy, started from the environment:
 *
 *   FPT_API_KEY=… ALLOWED_ORIGINS=http://localhost:5173 npx tsx examples/server/server.ts
 *
 * See README.md for every variable and for the hooks that keep results.
 */
import { readConfig } from './config.js';
import type { ProxyHooks } from './hooks.js';
import { startProxyServer } from './proxy.js';

/** Keep results here: store them with the session id, check them before trusting the user. */
const hooks: ProxyHooks = {
  onResult: ({ endpoint, sessionId, status }) => {
    console.log(`result: ${endpoint} for session ${sessionId.slice(0, 8)}… HTTP ${status}`);
  },
};

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const server = await startProxyServer({ ...config, hooks, log: (line) => console.log(line) });
  console.log(`eKYC proxy on ${server.url}, upstream ${config.apiBase}`);
  if (config.allowedOrigins.length === 0) {
    console.warn('No browser origin is allowed: set ALLOWED_ORIGINS, for example http://localhost:5173');
  }
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
