/**
 * The API emulator as a local HTTP server:
 *
 *   npx tsx src/emulator/serve.ts --port 8787 [--host 127.0.0.1] [--api-key demo-key]
 *     [--latency-ms 0] [--session-ttl-ms 1800000]
 *
 * `--api-key` may be repeated; the default accepted key is `demo-key`.
 */
import { parseArgs } from 'node:util';
import { startEmulatorServer, type EmulatorExchange } from './node.js';

const usage =
  'usage: serve.ts [--port 8787] [--host 127.0.0.1] [--api-key KEY]... [--latency-ms MS] [--session-ttl-ms MS]';

function count(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${text}".`);
  return value;
}

function describe({ method, path, outcome }: EmulatorExchange): string {
  const what = typeof outcome === 'number' ? String(outcome) : outcome;
  return `${new Date().toISOString()} ${method} ${path} → ${what}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string', multiple: true },
      'latency-ms': { type: 'string' },
      'session-ttl-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const apiKeys = values['api-key'] ?? ['demo-key'];
  const server = await startEmulatorServer({
    port: count('port', values.port),
    host: values.host,
    apiKeys,
    latencyMs: count('latency-ms', values['latency-ms']),
    sessionTtlMs: count('session-ttl-ms', values['session-ttl-ms']),
    onExchange: (exchange) => console.log(describe(exchange)),
  });
  const keys = values['api-key'] ? `${apiKeys.length} key(s) given` : 'api-key: demo-key';
  console.log(`eKYC API emulator on ${server.url} (${keys})`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exit(1);
});
