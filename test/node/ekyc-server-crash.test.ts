// An instance killed while FPT.AI holds its answer: the retry of the same capture, on another
// instance of the same Redis, waits until the deadline the pending record carries, and only then
// calls FPT.AI again (the first answer died with the instance). Starts its own redis-server.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRedisStore, type EkycLimits, type EkycStore } from '../../src/server/index.js';
import { hashed } from '../../src/server/limits.js';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';
import { form, jpeg, KEY, startStack, type Stack } from './helpers/ekyc-stack.js';
import { startRedis, type RedisProcess } from '../../scripts/redis-process.js';

const LIMITS: Partial<EkycLimits> = { upstreamTimeoutMs: 1_500, storeTimeoutMs: 500 };
const CAPTURE = 'capture-killed-1';

const until = async (done: () => boolean): Promise<void> => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('an instance killed during its call to FPT.AI', { timeout: 60_000 }, () => {
  let redis: RedisProcess;
  let upstream: EmulatorServer;
  let survivor: Stack;
  let store: EkycStore;
  let doomed: ChildProcess;
  const prefix = `crash-${process.pid}:`;

  before(async () => {
    redis = await startRedis();
    upstream = await startEmulatorServer({ apiKeys: [KEY] });
    store = await createRedisStore({ url: redis.url, prefix });
    survivor = await startStack({ store: await createRedisStore({ url: redis.url, prefix }), limits: LIMITS }, upstream);
    const script = resolve(import.meta.dirname, 'helpers/redis-instance.ts');
    doomed = spawn(process.execPath, ['--import', 'tsx', script, redis.url, prefix, upstream.url, JSON.stringify(LIMITS)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  });

  after(async () => {
    if (doomed.exitCode === null && doomed.signalCode === null) doomed.kill('SIGKILL');
    await survivor.close();
    await store.close();
    await upstream.close();
    await redis.stop();
  });

  test('the retry on another instance waits at most the recorded deadline, then calls FPT.AI once more', async (t) => {
    const [line] = (await once(doomed.stdout!, 'data')) as [Buffer];
    const doomedUrl = line.toString().trim();
    const sessionId = await survivor.session('alice');
    upstream.emulator.clearRequests();
    upstream.emulator.inject('timeout', { endpoint: 'ocr' }); // FPT.AI holds its answer until the instance is gone
    const first = fetch(`${doomedUrl}/ocr`, {
      method: 'POST',
      headers: { ...survivor.auth('alice'), 'session-id': sessionId, 'document-type': 'idr', 'side-type': 'front', 'idempotency-key': CAPTURE },
      body: form('files', jpeg(64, 0x11)),
    }).catch(() => null);
    await until(() => survivor.calls('ocr') === 1);
    const pending = JSON.parse((await store.get(`idempotency:${sessionId}:ocr:${hashed(CAPTURE)}`)) ?? 'null') as {
      state: string;
      deadline: number;
    };
    doomed.kill('SIGKILL');
    await once(doomed, 'exit');
    assert.equal(await first, null, 'the killed instance never answered');
    assert.equal(pending.state, 'pending');
    const windowMs = (LIMITS.upstreamTimeoutMs ?? 0) + (LIMITS.storeTimeoutMs ?? 0);
    assert.ok(pending.deadline <= Date.now() + windowMs, 'the deadline is the call’s own, not later');

    const retry = await survivor.ocr(sessionId, { key: CAPTURE });
    const answeredAt = Date.now();
    t.diagnostic(`the retry was answered ${answeredAt - pending.deadline} ms after the recorded deadline`);
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotent-replayed'), null, 'nothing could be replayed: the answer died');
    assert.equal(survivor.calls('ocr'), 2, 'FPT.AI was called again, once');
    assert.ok(answeredAt >= pending.deadline, 'no second call while the first could still be recorded');
    // Not a timing threshold: a wait past the deadline by a whole window would be the old behaviour.
    assert.ok(answeredAt < pending.deadline + windowMs, `answered ${answeredAt - pending.deadline} ms past the deadline`);

    const again = await survivor.ocr(sessionId, { key: CAPTURE });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(survivor.calls('ocr'), 2);
  });
});
