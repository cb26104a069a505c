// Two instances of ekyc-flow/server on one real Redis, as behind a load balancer: sessions,
// limits and idempotency records are shared. Starts its own redis-server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRedisStore } from '../../src/server/index.js';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';
import { KEY, startStack, type Stack } from './helpers/ekyc-stack.js';
import { storeContract } from './helpers/store-contract.js';
import { startRedis, type RedisProcess } from '../../scripts/redis-process.js';

describe('two server instances on one Redis', () => {
  let redis: RedisProcess;
  let upstream: EmulatorServer;
  let one: Stack;
  let two: Stack;
  const prefix = `test-${process.pid}:`;

  const instance = async (): Promise<Stack> =>
    startStack({ store: await createRedisStore({ url: redis.url, prefix }) }, upstream);

  before(async () => {
    redis = await startRedis();
    upstream = await startEmulatorServer({ apiKeys: [KEY] });
    one = await instance();
    two = await instance();
  });

  after(async () => {
    await one.close();
    await two.close();
    await upstream.close();
    await redis.stop();
  });

  test('a session created on one instance is used on the other, and its result read on the first', async () => {
    const sessionId = await one.session('alice');
    assert.equal((await two.ocr(sessionId, { side: 'front' })).status, 200);
    assert.equal((await one.ocr(sessionId, { side: 'back' })).status, 200);
    assert.equal((await two.face(sessionId)).status, 200);
    const result = (await (await one.result(sessionId)).json()) as { status: string };
    assert.equal(result.status, 'passed');
    assert.equal(two.completed.filter((each) => each.sessionId === sessionId).length, 1);
    assert.equal((await one.ocr(sessionId, { user: 'bob' })).status, 403);
  });

  test('a user’s session limit hit on one instance holds on the other', async () => {
    for (let index = 0; index < 5; index++) await one.session('carol');
    for (let index = 0; index < 5; index++) await two.session('carol');
    const refused = await fetch(`${one.url}/session`, { method: 'POST', headers: one.auth('carol') });
    const alsoRefused = await fetch(`${two.url}/session`, { method: 'POST', headers: two.auth('carol') });
    assert.equal(refused.status, 429);
    assert.equal(alsoRefused.status, 429);
    assert.ok(Number(alsoRefused.headers.get('retry-after')) > 3500);
  });

  test('per-session attempts are counted across instances', async () => {
    const sessionId = await one.session('bob');
    upstream.emulator.inject('document-not-found', { endpoint: 'ocr', times: 6 });
    for (let attempt = 0; attempt < 6; attempt++) await (attempt % 2 ? one : two).ocr(sessionId, { user: 'bob' });
    assert.equal((await one.ocr(sessionId, { user: 'bob' })).status, 409);
    assert.equal((await two.ocr(sessionId, { user: 'bob' })).status, 409);
  });

  test('an Idempotency-Key answered on one instance is replayed by the other, and concurrent duplicates call FPT.AI once', async () => {
    const sessionId = await two.session('alice');
    upstream.emulator.clearRequests();
    upstream.emulator.latencyMs = 150;
    try {
      const answers = await Promise.all([
        one.ocr(sessionId, { key: 'shared-capture-1' }),
        two.ocr(sessionId, { key: 'shared-capture-1' }),
        one.ocr(sessionId, { key: 'shared-capture-1' }),
        two.ocr(sessionId, { key: 'shared-capture-1' }),
      ]);
      assert.deepEqual(answers.map((answer) => answer.status), [200, 200, 200, 200]);
    } finally {
      upstream.emulator.latencyMs = 0;
    }
    const later = await two.ocr(sessionId, { key: 'shared-capture-1' });
    assert.equal(later.headers.get('idempotent-replayed'), 'true');
    assert.equal(one.calls('ocr'), 1);
  });

  describe('the Redis store itself', () => {
    storeContract(() => createRedisStore({ url: redis.url, prefix: `${prefix}store:` }));
  });
});
