// The servers the handoff's browser tests talk to, started by scripts/handoff-stack-plugin.js in a
// process of its own: the API emulator; one ekyc-flow/server instance in memory; two instances on one
// real Redis (as behind a load balancer); one in memory whose tokens expire after a few seconds; and the
// contract tests' control server (scripts/contract-stacks.ts).
// Prints their URLs as one JSON line, then runs until it is sent SIGTERM.
import { createEkycServer, createRedisStore, type EkycServer } from '../src/server/index.js';
import { startEmulatorServer } from '../src/emulator/node.js';
import { startContractStacks } from './contract-stacks.js';
import { startRedis } from './redis-process.js';

const KEY = 'handoff-test-key';
/** The test pages' login: `Authorization: Bearer token-a` is alice. */
const USERS: Record<string, string> = { 'token-a': 'alice', 'token-b': 'bob' };
export const SHORT_HANDOFF_MS = 4_000;
/**
 * Every engine's tests sign in as alice, against the same servers, in one run: more sessions in an
 * hour than a real user starts. The limit itself is tested in the server's own tests.
 */
const SESSIONS_PER_HOUR = 1_000;

const origins = (process.argv[2] ?? '').split(',').filter(Boolean);
const upstream = await startEmulatorServer({ apiKeys: [KEY] });
const redis = await startRedis();
const servers: EkycServer[] = [];

async function instance(options: { redis?: boolean; handoffTtlMs?: number } = {}): Promise<string> {
  const server = createEkycServer({
    apiKey: KEY,
    // The test browsers' cameras are synthetic and automated, so every session would be flagged: not what these test.
    integrity: 'ignore',
    apiBase: upstream.url,
    allowedOrigins: origins,
    authorize: (request) => USERS[/^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? ''] ?? null,
    ...(options.redis ? { store: await createRedisStore({ url: redis.url, prefix: 'handoff-browser:' }) } : {}),
    limits: {
      sessionsPerSubjectPerHour: SESSIONS_PER_HOUR,
      sessionsPerAddressPerHour: SESSIONS_PER_HOUR,
      ...(options.handoffTtlMs ? { handoffTtlMs: options.handoffTtlMs } : {}),
    },
  });
  servers.push(server);
  return (await server.listen()).url;
}

const contract = await startContractStacks(origins, USERS);
const urls = {
  contract: contract.url,
  single: await instance(),
  pair: [await instance({ redis: true }), await instance({ redis: true })],
  shortLived: await instance({ handoffTtlMs: SHORT_HANDOFF_MS }),
};
process.stdout.write(`${JSON.stringify(urls)}\n`);

process.once('SIGTERM', () => {
  void Promise.allSettled(servers.map((server) => server.close()))
    .then(() => Promise.allSettled([upstream.close(), redis.stop(), contract.close()]))
    .then(() => process.exit(0));
});
