// Event streams hold a connection for minutes: one user, or one address, holds only a few at a time,
// and none lives for ever (the browser reconnects from its last event).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startStack, type Stack, type User } from './helpers/ekyc-stack.js';

interface OpenStream {
  status: number;
  error: string | undefined;
  /** The `data:` of every event read so far. */
  events: { seq: number; state: string }[];
  /** Settles when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

async function withStack(limits: Record<string, number>, run: (stack: Stack) => Promise<void>): Promise<void> {
  const stack = await startStack({ limits: { sessionsPerSubjectPerHour: 100, ...limits } });
  try {
    await run(stack);
  } finally {
    await stack.close();
  }
}

async function handoffToken(stack: Stack, user: User): Promise<string> {
  const sessionId = await stack.session(user);
  const response = await fetch(`${stack.url}/handoff`, {
    method: 'POST',
    headers: { ...stack.auth(user), 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function openStream(stack: Stack, token: string, user: User, lastEventId?: number): Promise<OpenStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = { ...stack.auth(user), accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
  const response = await fetch(`${stack.url}/handoff/${token}/events`, { headers, signal: controller.signal });
  const events: OpenStream['events'] = [];
  if (response.status !== 200) {
    const { error } = (await response.json()) as { error: string };
    return { status: response.status, error, events, ended: Promise.resolve(), close: () => undefined };
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    let text = '';
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        text += chunk.value;
        events.length = 0;
        for (const match of text.matchAll(/^data: (.*)$/gm)) events.push(JSON.parse(match[1] ?? '') as { seq: number; state: string });
      }
    } catch {
      // Closed from this side.
    }
  })();
  return { status: 200, error: undefined, events, ended, close: () => controller.abort() };
}

/** Opens streams until one is let in: the server learns of a closed one when its connection closes. */
async function openOnceFreed(stack: Stack, token: string, user: User): Promise<OpenStream> {
  for (let attempt = 0; ; attempt++) {
    const stream = await openStream(stack, token, user);
    if (stream.status === 200 || attempt === 100) return stream;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('event streams are capped and end by themselves', () => {
  test('one subject holds at most eventStreamsPerSubject streams; the next gets 429 too-many-streams, and a closed one frees its place', async () => {
    await withStack({ eventStreamsPerSubject: 2 }, async (stack) => {
      const token = await handoffToken(stack, 'alice');
      const open = [await openStream(stack, token, 'alice'), await openStream(stack, token, 'alice')];
      assert.deepEqual(open.map((stream) => stream.status), [200, 200]);
      for (let attempt = 0; attempt < 5; attempt++) {
        const refused = await openStream(stack, token, 'alice');
        assert.equal(refused.status, 429);
        assert.equal(refused.error, 'too-many-streams');
      }
      // Polling stays open to the owner: it holds no connection.
      const polled = await fetch(`${stack.url}/handoff/${token}/events?after=0`, { headers: stack.auth('alice') });
      assert.equal(polled.status, 200);
      // Another user is not held back by alice's streams.
      const bob = await openStream(stack, await handoffToken(stack, 'bob'), 'bob');
      assert.equal(bob.status, 200);
      open[0]?.close();
      const again = await openOnceFreed(stack, token, 'alice');
      assert.equal(again.status, 200);
      for (const stream of [...open, bob, again]) stream.close();
    });
  });

  test('one client address holds at most eventStreamsPerAddress streams, whoever asks', async () => {
    await withStack({ eventStreamsPerSubject: 5, eventStreamsPerAddress: 3 }, async (stack) => {
      const alice = await handoffToken(stack, 'alice');
      const bob = await handoffToken(stack, 'bob');
      const open = [await openStream(stack, alice, 'alice'), await openStream(stack, alice, 'alice'), await openStream(stack, bob, 'bob')];
      assert.deepEqual(open.map((stream) => stream.status), [200, 200, 200]);
      const refused = await openStream(stack, await handoffToken(stack, 'carol'), 'carol');
      assert.equal(refused.status, 429);
      assert.equal(refused.error, 'too-many-streams');
      for (const stream of open) stream.close();
    });
  });

  test('a stream ends after eventStreamLifetimeMs, gives its place back, and the reconnect from its last event misses nothing', async () => {
    await withStack({ eventStreamsPerSubject: 1, eventStreamLifetimeMs: 400 }, async (stack) => {
      const token = await handoffToken(stack, 'alice');
      const first = await openStream(stack, token, 'alice');
      assert.equal(first.status, 200);
      await first.ended;
      assert.deepEqual(first.events.map((event) => event.state), ['waiting']);
      const claim = await fetch(`${stack.url}/handoff/${token}/claim`, { method: 'POST' });
      assert.equal(claim.status, 200);
      // The place is free at once: the server gave it back before it ended the stream.
      const second = await openStream(stack, token, 'alice', first.events.at(-1)?.seq);
      assert.equal(second.status, 200);
      await second.ended;
      assert.deepEqual(second.events.map((event) => event.state), ['connected']);
    });
  });
});
