/**
 * The example server, started from the environment:
 *
 *   FPT_API_KEY=… DEMO_USERS=alice:token-a ALLOWED_ORIGINS=http://localhost:5173 npm run server
 *
 * See README.md for every variable.
 */
import { createExampleServer } from './app.js';
import { readConfig } from './config.js';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const app = await createExampleServer(config);
  const { url } = await app.listen({ port: config.port, host: config.host });
  console.log(`eKYC server on ${url}, upstream ${config.apiBase ?? 'https://ekyc.fpt.ai'}, store ${config.redisUrl ? 'Redis' : 'memory'}`);
  if (config.allowedOrigins.length === 0) {
    console.warn('No browser origin is allowed: set ALLOWED_ORIGINS, for example http://localhost:5173');
  }
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
