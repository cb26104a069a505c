import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { EkycStore } from '../../../src/server/index.js';

/**
 * What every store must do, for sessions and limits now and for single-use tokens and
 * news between instances later: registers its tests in the current suite.
 */
/** Asks `check` every 10 ms until it holds; fails after 10 s. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; !(await check()); tries += 1) {
    if (tries > 1000) assert.fail(`waited 10 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

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
    const first = await store.increment('counter', 60_000);
    const second = await other.increment('counter', 60_000);
    assert.deepEqual([first.count, second.count], [1, 2]);
    assert.ok(second.ttlMs > 0 && second.ttlMs <= first.ttlMs, `${second.ttlMs} after ${first.ttlMs}`);
    // Short lives end, however slow the machine: polled until they do, never judged by the clock.
    await store.set('short', 'x', 50);
    const started = await store.increment('brief', 50);
    assert.equal(started.count, 1);
    await eventually(async () => (await store.get('short')) === null, 'the entry to expire');
    // Later increments do not lengthen the counter's life: it ends, and the next one counts from 1 again.
    await eventually(async () => (await other.increment('brief', 50)).count === 1, 'the counter to expire');
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
    // A subscriber still listening hears the next message only after 'late' went out to everyone who listened.
    let markerHeard: () => void = () => undefined;
    const heard = new Promise<void>((resolve) => (markerHeard = resolve));
    const stopMarker = await store.subscribe('status', (message) => {
      if (message === 'marker') markerHeard();
    });
    await other.publish('status', 'marker');
    await heard;
    await stopMarker();
    assert.deepEqual(received, ['passed']);
  });
}
