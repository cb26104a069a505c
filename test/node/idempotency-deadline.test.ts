// A duplicate upload waits for the first one's answer until the deadline its pending record carries,
// and no longer: then it calls FPT.AI itself, or (when the store kept the record past its deadline)
// is told to try again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Idempotency } from '../../src/server/idempotency.js';
import { createMemoryStore } from '../../src/server/index.js';
import type { EkycStore } from '../../src/server/index.js';

const KEY = 'idempotency:s:ocr:k';

describe('an idempotency record’s deadline', () => {
  test('a record left pending by a call that died is taken over once its deadline passes, not before', async () => {
    const store = createMemoryStore();
    const first = new Idempotency(store, 60_000, 10_000, 1_000);
    assert.equal(await first.claim(KEY, 'same'), null);
    const deadline = Date.now() + 300;
    await first.calling(KEY, 'same', deadline);
    const second = new Idempotency(store, 60_000, 10_000, 1_000);
    assert.equal(await second.claim(KEY, 'same'), null, 'the key is this request’s now');
    assert.ok(Date.now() >= deadline, 'not taken before the deadline');
    const record = JSON.parse((await store.get(KEY)) ?? '{}') as { state: string; deadline: number };
    assert.equal(record.state, 'pending');
    assert.ok(record.deadline > deadline, 'with a deadline of its own');
  });

  test('an answer recorded before the deadline is given to the waiting duplicate', async () => {
    const store = createMemoryStore();
    const first = new Idempotency(store, 60_000, 10_000, 1_000);
    await first.claim(KEY, 'same');
    await first.calling(KEY, 'same', Date.now() + 5_000);
    const waiting = new Idempotency(store, 60_000, 10_000, 1_000).claim(KEY, 'same');
    await first.save(KEY, { state: 'done', fingerprint: 'same', status: 200, body: { ok: true } });
    assert.deepEqual(await waiting, { state: 'done', fingerprint: 'same', status: 200, body: { ok: true } });
  });

  test('a record a store keeps past its deadline is answered 409 idempotency-in-progress, never waited on for good', async () => {
    const memory = createMemoryStore();
    // A store whose entries outlive their time (another clock, a lost expiry).
    const lasting: EkycStore = { ...memory, set: (key, value) => memory.set(key, value, 3_600_000) };
    await lasting.set(KEY, JSON.stringify({ state: 'pending', fingerprint: 'same', deadline: Date.now() + 100 }), 100);
    const duplicate = new Idempotency(lasting, 60_000, 10_000, 1_000);
    await assert.rejects(duplicate.claim(KEY, 'same'), (error: { status?: number; code?: string }) =>
      error.status === 409 && error.code === 'idempotency-in-progress');
  });
});
