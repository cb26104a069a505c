// A store that hangs (not down: a Redis frozen with SIGSTOP keeps its connections open and answers
// nothing) must not hang the server: every store call has a deadline, and /health says so.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMemoryStore, createRedisStore, type EkycStore } from '../../src/server/index.js';
import { StoreUnavailable, withDeadline } from '../../src/server/store/deadline.js';
import { startRedis, type RedisProcess } from '../../scripts/redis-process.js';
import { startStack, type Stack } from './helpers/ekyc-stack.js';

const errorOf = async (response: Response): Promise<string> => ((await response.json()) as { error: string }).error;

describe('finding 6: a Redis that hangs', { timeout: 30_000 }, () => {
  let redis: RedisProcess;
  let stack: Stack;

  before(async () => {
    redis = await startRedis();
    // The client's own command timeout is long here: the server's deadline alone must answer.
    const store = await createRedisStore({ url: redis.url, prefix: `hang-${process.pid}:`, commandTimeoutMs: 60_000 });
    stack = await startStack({ store, limits: { storeTimeoutMs: 300 } });
  });
  after(async () => {
    redis.resume();
    await stack.close();
    await redis.stop();
  });

  test('POST /session, uploads and /result answer 503 store-unavailable; /health says the store is down; then all recover', async () => {
    const sessionId = await stack.session();
    assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 200);
    const calls = { init: stack.calls('init'), ocr: stack.calls('ocr') };
    redis.pause();
    try {
      const answers = await Promise.all([
        fetch(`${stack.url}/session`, { method: 'POST', headers: stack.auth('alice') }),
        stack.ocr(sessionId, { side: 'back' }),
        stack.result(sessionId),
      ]);
      for (const answer of answers) {
        assert.equal(answer.status, 503);
        assert.equal(answer.headers.get('retry-after'), '1');
        assert.equal(await errorOf(answer), 'store-unavailable');
      }
      const health = await fetch(`${stack.url}/health`);
      assert.equal(health.status, 503);
      assert.deepEqual(await health.json(), { status: 'unavailable', store: 'unavailable' });
      assert.deepEqual({ init: stack.calls('init'), ocr: stack.calls('ocr') }, calls, 'FPT.AI was not called');
    } finally {
      redis.resume();
    }
    const health = await fetch(`${stack.url}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', store: 'ok' });
    assert.equal((await stack.ocr(sessionId, { side: 'back' })).status, 200);
    assert.equal(((await (await stack.result(sessionId)).json()) as { status: string }).status, 'pending');
  });
});

describe('the store deadline', () => {
  const silent = (): Promise<never> => new Promise<never>(() => undefined);

  test('a call that never settles, a rejection and a throw each become StoreUnavailable', async () => {
    const inner = createMemoryStore();
    const broken: EkycStore = {
      ...inner,
      get: silent,
      set: () => Promise.reject(new Error('READONLY')),
      delete: () => {
        throw new Error('not connected');
      },
    };
    const store = withDeadline(broken, 50);
    await assert.rejects(store.get('k'), StoreUnavailable);
    await assert.rejects(store.set('k', 'v', 1000), StoreUnavailable);
    await assert.rejects(store.delete('k'), StoreUnavailable);
    assert.equal(await store.setIfAbsent('k', 'v', 1000), true);
    await inner.close();
  });

  test('a subscription that comes through after its deadline is ended at once', async () => {
    let release: () => void = () => undefined;
    let ended = false;
    const inner = createMemoryStore();
    const slow: EkycStore = {
      ...inner,
      subscribe: () =>
        new Promise((resolve) => {
          release = () =>
            resolve(() => {
              ended = true;
              return Promise.resolve();
            });
        }),
    };
    await assert.rejects(withDeadline(slow, 20).subscribe('channel', () => undefined), StoreUnavailable);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(ended, true);
    await inner.close();
  });
});
