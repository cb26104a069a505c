import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { EkycStore } from '../../../src/server/index.js';

/**
 * What every store must do, for sessions and limits now and for single-use tokens and
 * news between instances later: registers its tests in the current suite.
 */
export function storeContract(open: () => Promise<EkycStore>): void {
  let store: EkycStore;
  let other: EkycStore;
  before(async () => {
    store = await open();
    other = await open();
  });
  after(async () => {
    await store.close();
    await other.close();
  });

  test('set-if-absent and take are single-use: of two takers, one gets the token', async () => {
    assert.equal(await store.setIfAbsent('token', 'value', 60_000), true);
    assert.equal(await other.setIfAbsent('token', 'other', 60_000), false);
    const taken = await Promise.all([store.take('token'), other.take('token')]);
    assert.deepEqual(taken.filter((value) => value !== null), ['value']);
    assert.equal(await store.get('token'), null);
  });

  test('entries and counters expire; a counter counts from its first increment', async () => {
    await store.set('short', 'x', 50);
    const first = await store.increment('counter', 80);
    const second = await other.increment('counter', 80);
    assert.deepEqual([first.count, second.count], [1, 2]);
    assert.ok(second.ttlMs > 0 && second.ttlMs <= 80, String(second.ttlMs));
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.equal(await store.get('short'), null);
    assert.equal((await store.increment('counter', 80)).count, 1);
  });

  test('a message published reaches every subscriber of its channel, and none after it stops', async () => {
    const received: string[] = [];
    let deliver: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (deliver = resolve));
    const stop = await other.subscribe('status', (message) => {
      received.push(message);
      deliver();
    });
    await store.publish('status', 'passed');
    await arrived;
    await stop();
    await store.publish('status', 'late');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(received, ['passed']);
  });
}
