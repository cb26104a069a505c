// The server under `npm run bench:server`, in a process of its own so that its memory is its own:
// started with the store kind, the upstream URL and the Redis URL; tells its URL over IPC, answers
// `memory` with its heap after a forced GC, and stops on `stop`.
import { createEkycServer, createMemoryStore, createRedisStore } from '../../src/server/index.js';

const [kind = 'memory', upstream = '', redisUrl = ''] = process.argv.slice(2);
const store = kind === 'redis' ? await createRedisStore({ url: redisUrl, prefix: `bench-${process.pid}:` }) : createMemoryStore();
/** The server's answers by status, from its log lines (`POST upload → 200 (12 ms)`). */
const statuses: Record<string, number> = {};
const server = createEkycServer({
  log: (line) => {
    const status = /→ (\d{3})/.exec(line)?.[1];
    if (status) statuses[status] = (statuses[status] ?? 0) + 1;
  },
  apiKey: 'bench-key',
  apiBase: upstream,
  authorize: (request) => /^Bearer (bench-user-\d+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? null,
  // Every flow comes from this machine: the per-address limit would stop the run at 30.
  limits: { sessionsPerAddressPerHour: 1_000_000 },
  store,
});
const { url } = await server.listen();

const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
};

process.on('message', (message) => {
  if (message === 'memory') process.send?.({ memory: memory(), statuses });
  if (message === 'stop') void server.close().then(() => process.exit(0));
});
process.send?.({ url });
