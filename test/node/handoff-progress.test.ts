// The phone numbers its news (`n`) so that a message resent after a lost answer is relayed once. A
// message the server did not relay (refused, or the store failed) must never be answered as relayed
// when sent again: it is relayed then, or refused again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStore, type EkycStore } from '../../src/server/index.js';
import { startStack, type Stack } from './helpers/ekyc-stack.js';

interface HandoffEvent {
  seq: number;
  state: string;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A session handed off to a phone that claimed it: the token and the phone's key. */
async function claimedHandoff(stack: Stack): Promise<{ token: string; phoneKey: string }> {
  const sessionId = await stack.session('alice');
  const { token } = (await (await post(`${stack.url}/handoff`, { sessionId }, stack.auth('alice'))).json()) as { token: string };
  const { phoneKey } = (await (await post(`${stack.url}/handoff/${token}/claim`, {})).json()) as { phoneKey: string };
  return { token, phoneKey };
}

async function computerSees(stack: Stack, token: string): Promise<HandoffEvent[]> {
  const response = await fetch(`${stack.url}/handoff/${token}/events?after=0`, { headers: stack.auth('alice') });
  return ((await response.json()) as { events: HandoffEvent[] }).events;
}

const step = (n: number) => ({ n, state: 'step', step: n % 2 ? 'document-front' : 'document-back', previousStep: 'intro' });

/** The store, whose next writes of an event fail while `failing` is above zero, as a store that drops a write. */
function flakyStore(): { store: EkycStore; failNextEventWrite(): void } {
  const inner = createMemoryStore();
  let failing = 0;
  return {
    store: {
      ...inner,
      set: (key, value, ttlMs) => {
        if (failing > 0 && key.startsWith('handoff-event:')) {
          failing -= 1;
          return Promise.reject(new Error('the store dropped the write'));
        }
        return inner.set(key, value, ttlMs);
      },
    },
    failNextEventWrite: () => {
      failing += 1;
    },
  };
}

describe('handoff progress is idempotent by its number', () => {
  test('a step refused with 429 (no room left) is refused again when resent with the same n; the end is never refused and reaches the computer', async () => {
    const stack = await startStack();
    try {
      const { token, phoneKey } = await claimedHandoff(stack);
      const send = (body: unknown) => post(`${stack.url}/handoff/${token}/progress`, body, { 'ekyc-handoff': phoneKey });
      // The steps a handoff has room for, sent a batch at a time, until they are refused.
      let refusedN = 0;
      for (let n = 1; n < 1000 && refusedN === 0; n += 25) {
        const batch = Array.from({ length: 25 }, (_, index) => n + index);
        const statuses = await Promise.all(batch.map(async (each) => [each, (await send(step(each))).status] as const));
        const refused = statuses.filter(([, status]) => status !== 200);
        assert.ok(refused.every(([, status]) => status === 429));
        refusedN = refused[0]?.[0] ?? 0;
      }
      assert.ok(refusedN > 0);
      const before = await computerSees(stack, token);
      const again = await send(step(refusedN));
      assert.equal(again.status, 429, 'a resent refused step is refused again, not answered ok and dropped');
      assert.deepEqual(await computerSees(stack, token), before);
      const done = await send({ n: 1000, state: 'done', result: { sessionId: 'shown-on-the-computer' } });
      assert.equal(done.status, 200);
      const seen = await computerSees(stack, token);
      assert.equal(seen.at(-1)?.state, 'done');
      assert.equal(seen.length, before.length + 1);
    } finally {
      await stack.close();
    }
  });

  test('a message whose relaying failed in the store is relayed when resent with the same n, exactly once, and the computer reads on past the gap', async () => {
    const flaky = flakyStore();
    const stack = await startStack({ store: flaky.store });
    try {
      const { token, phoneKey } = await claimedHandoff(stack);
      const send = (body: unknown) => post(`${stack.url}/handoff/${token}/progress`, body, { 'ekyc-handoff': phoneKey });
      flaky.failNextEventWrite();
      assert.equal((await send(step(1))).status, 503);
      assert.equal((await send(step(1))).status, 200);
      assert.equal((await send(step(1))).status, 200);
      assert.equal((await send({ n: 2, state: 'done', result: {} })).status, 200);
      const seen = await computerSees(stack, token);
      assert.deepEqual(seen.map((event) => event.state), ['waiting', 'connected', 'step', 'done']);
    } finally {
      await stack.close();
    }
  });
});
