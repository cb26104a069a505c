// The handoff routes of ekyc-flow/server: a computer's session continued on a phone. Hostile input
// (malformed, replayed, forged, someone else's) is refused; two instances on one Redis relay the news.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRedisStore } from '../../src/server/index.js';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';
import { form, jpeg, KEY, startStack, type Stack, type User } from './helpers/ekyc-stack.js';
import { startRedis, type RedisProcess } from '../../scripts/redis-process.js';

interface Created {
  token: string;
  expiresAt: string;
  claimed: boolean;
}
interface Claimed {
  sessionId: string;
  phoneKey: string;
  settings: Record<string, string>;
}
interface Events {
  events: { seq: number; state: string; step?: string; result?: Record<string, unknown> }[];
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function handoff(stack: Stack, sessionId: string, user: User = 'alice', settings: Record<string, string> = {}): Promise<Created> {
  const response = await post(`${stack.url}/handoff`, { sessionId, ...settings }, stack.auth(user));
  assert.equal(response.status, 200);
  return (await response.json()) as Created;
}

async function claim(stack: Stack, token: string): Promise<Response> {
  return post(`${stack.url}/handoff/${token}/claim`, {});
}

async function events(stack: Stack, token: string, after = 0, user: User = 'alice'): Promise<Events['events']> {
  const response = await fetch(`${stack.url}/handoff/${token}/events?after=${after}`, { headers: stack.auth(user) });
  assert.equal(response.status, 200);
  return ((await response.json()) as Events).events;
}

const progress = (stack: Stack, token: string, phoneKey: string, body: unknown): Promise<Response> =>
  post(`${stack.url}/handoff/${token}/progress`, body, { 'ekyc-handoff': phoneKey });

/** Reads Server-Sent Events until `until` says enough; answers their parsed data. */
async function readStream(stack: Stack, token: string, until: (states: string[]) => boolean, user: User = 'alice'): Promise<string[]> {
  const controller = new AbortController();
  const response = await fetch(`${stack.url}/handoff/${token}/events`, {
    headers: { ...stack.auth(user), accept: 'text/event-stream' },
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const states: string[] = [];
  while (!until(states)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += chunk.value;
    states.length = 0;
    for (const match of text.matchAll(/^data: (.*)$/gm)) states.push((JSON.parse(match[1]!) as { state: string }).state);
  }
  controller.abort();
  return [...states];
}

describe('handoff on one server', () => {
  let stack: Stack;
  const logs: string[] = [];

  before(async () => {
    stack = await startStack({ log: (line) => logs.push(line), limits: { handoffTtlMs: 600, sessionsPerSubjectPerHour: 100 } });
  });
  after(() => stack.close());

  test('a phone claims the token once, uploads with its key, and the computer follows its progress', async () => {
    const sessionId = await stack.session('alice');
    const { token, expiresAt, claimed } = await handoff(stack, sessionId, 'alice', { documentType: 'idr', lang: 'en' });
    assert.equal(claimed, false);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/, '256 random bits');
    assert.ok(Date.parse(expiresAt) > Date.now());

    const claimResponse = await claim(stack, token);
    assert.equal(claimResponse.status, 200);
    const phone = (await claimResponse.json()) as Claimed;
    assert.equal(phone.sessionId, sessionId);
    assert.deepEqual(phone.settings, { documentType: 'idr', flow: 'full', lang: 'en', livenessChallenge: 'none' });

    // The phone has no login of its own: its key authorizes its uploads, for this session only.
    const key = { 'ekyc-handoff': phone.phoneKey };
    assert.equal((await stack.ocr(sessionId, { user: null, side: 'front', headers: key })).status, 200);
    assert.equal((await stack.ocr(sessionId, { user: null, side: 'back', headers: key })).status, 200);
    assert.equal((await stack.face(sessionId, { user: null, headers: key })).status, 200);
    const other = await stack.session('alice');
    assert.equal((await stack.ocr(other, { user: null, headers: key })).status, 403);

    assert.equal((await progress(stack, token, phone.phoneKey, { n: 1, state: 'step', step: 'document-front', previousStep: 'intro' })).status, 200);
    // A message resent after a lost answer counts once.
    assert.equal((await progress(stack, token, phone.phoneKey, { n: 1, state: 'step', step: 'document-front', previousStep: 'intro' })).status, 200);
    const done = { n: 2, state: 'done', result: { sessionId, ocr: { fields: {} }, face: null } };
    assert.equal((await progress(stack, token, phone.phoneKey, done)).status, 200);

    const seen = await events(stack, token);
    assert.deepEqual(seen.map((event) => event.state), ['waiting', 'connected', 'step', 'done']);
    assert.deepEqual(seen.map((event) => event.seq), [1, 2, 3, 4]);
    assert.deepEqual(seen[3]!.result, done.result);
    assert.deepEqual((await events(stack, token, 2)).map((event) => event.seq), [3, 4]);
    // Done: the phone's key no longer uploads.
    assert.equal((await stack.face(sessionId, { user: null, headers: key })).status, 403);
    const server = (await (await stack.result(sessionId)).json()) as { status: string };
    assert.equal(server.status, 'passed');
  });

  test('Server-Sent Events carry the backlog, then what happens next', async () => {
    const sessionId = await stack.session('alice');
    const { token } = await handoff(stack, sessionId);
    const reading = readStream(stack, token, (states) => states.includes('step'));
    const phone = (await (await claim(stack, token)).json()) as Claimed;
    await progress(stack, token, phone.phoneKey, { n: 1, state: 'step', step: 'document-front', previousStep: 'intro' });
    assert.deepEqual(await reading, ['waiting', 'connected', 'step']);
  });

  test('a second claim of the same token is refused with a clear error, and the first phone goes on', async () => {
    const sessionId = await stack.session('alice');
    const { token } = await handoff(stack, sessionId);
    const first = (await (await claim(stack, token)).json()) as Claimed;
    const second = await claim(stack, token);
    assert.equal(second.status, 409);
    assert.equal(((await second.json()) as { error: string }).error, 'handoff-used');
    assert.equal((await stack.ocr(sessionId, { user: null, headers: { 'ekyc-handoff': first.phoneKey } })).status, 200);
  });

  test('two phones claiming at once: exactly one wins', async () => {
    const sessionId = await stack.session('alice');
    const { token } = await handoff(stack, sessionId);
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => claim(stack, token)))).map((response) => response.status);
    assert.deepEqual(statuses.sort(), [200, 409, 409, 409, 409, 409]);
  });

  test('forged, malformed and expired tokens are refused alike; the token never reaches the log', async () => {
    const sessionId = await stack.session('alice');
    const { token } = await handoff(stack, sessionId);
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    assert.equal((await claim(stack, forged)).status, 404);
    assert.equal((await claim(stack, 'short')).status, 404);
    assert.equal((await claim(stack, '%00%2F..%2F')).status, 404);
    assert.equal((await fetch(`${stack.url}/handoff/${forged}/events`, { headers: stack.auth('alice') })).status, 404);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const expired = await claim(stack, token);
    assert.equal(expired.status, 404);
    assert.equal(((await expired.json()) as { error: string }).error, 'handoff-unknown');
    assert.ok(logs.length > 0);
    assert.ok(logs.every((line) => !line.includes(token) && !line.includes(forged)), 'no token in the log');
  });

  test('malformed requests are refused before anything is kept', async () => {
    const sessionId = await stack.session('alice');
    const auth = stack.auth('alice');
    const status = async (body: string, type = 'application/json'): Promise<number> =>
      (await fetch(`${stack.url}/handoff`, { method: 'POST', headers: { ...auth, 'content-type': type }, body })).status;
    assert.equal(await status('{'), 400);
    assert.equal(await status('[]'), 400);
    assert.equal(await status(JSON.stringify({ sessionId: '../x' })), 400);
    assert.equal(await status(JSON.stringify({ sessionId, documentType: 'selfie' })), 400);
    assert.equal(await status(JSON.stringify({ sessionId, lang: { toString: 'en' } })), 400);
    assert.equal(await status(JSON.stringify({ sessionId }), 'text/plain'), 415);
    assert.equal(await status('x'.repeat(10_000)), 413);
    assert.equal((await fetch(`${stack.url}/handoff`, { method: 'GET', headers: auth })).status, 405);

    const { token } = await handoff(stack, sessionId);
    const phone = (await (await claim(stack, token)).json()) as Claimed;
    for (const body of [{}, { n: 0, state: 'step' }, { n: 1, state: 'step', step: 'nowhere', previousStep: 'intro' }, { n: 1, state: 'done' }, { n: 1, state: 'won' }]) {
      assert.equal((await progress(stack, token, phone.phoneKey, body)).status, 400, JSON.stringify(body));
    }
    assert.equal((await fetch(`${stack.url}/handoff/${token}/events?after=-1`, { headers: auth })).status, 400);
  });

  test('nobody but the owner opens a handoff of a session or follows it; a key works for its own handoff only', async () => {
    const sessionId = await stack.session('alice');
    assert.equal((await post(`${stack.url}/handoff`, { sessionId }, stack.auth('bob'))).status, 404);
    assert.equal((await post(`${stack.url}/handoff`, { sessionId })).status, 401);
    const { token } = await handoff(stack, sessionId);
    assert.equal((await fetch(`${stack.url}/handoff/${token}/events`, { headers: stack.auth('bob') })).status, 404);
    assert.equal((await fetch(`${stack.url}/handoff/${token}/events`)).status, 401);

    const phone = (await (await claim(stack, token)).json()) as Claimed;
    const bobs = await stack.session('bob');
    const { token: bobToken } = await handoff(stack, bobs, 'bob');
    // Alice's phone cannot write into Bob's handoff, nor upload to his session.
    assert.equal((await progress(stack, bobToken, phone.phoneKey, { n: 1, state: 'cancelled' })).status, 403);
    assert.equal((await stack.ocr(bobs, { user: null, headers: { 'ekyc-handoff': phone.phoneKey } })).status, 403);
    assert.equal((await progress(stack, token, 'A'.repeat(43), { n: 1, state: 'cancelled' })).status, 403);
    assert.equal((await stack.ocr(sessionId, { user: null, headers: { 'ekyc-handoff': 'A'.repeat(43) } })).status, 403);
    // A key does not stand in for a login elsewhere.
    assert.equal((await fetch(`${stack.url}/session/${sessionId}/result`, { headers: { 'ekyc-handoff': phone.phoneKey } })).status, 401);
  });

  test('a session hands out a bounded number of codes', async () => {
    const sessionId = await stack.session('alice');
    const statuses: number[] = [];
    for (let index = 0; index < 21; index++) {
      statuses.push((await post(`${stack.url}/handoff`, { sessionId }, stack.auth('alice'))).status);
    }
    assert.deepEqual(statuses, [...Array.from({ length: 20 }, () => 200), 429]);
  });

  test('a reloaded computer rejoins a claimed handoff; a cancelled one can be handed off again', async () => {
    const sessionId = await stack.session('alice');
    const { token } = await handoff(stack, sessionId);
    const phone = (await (await claim(stack, token)).json()) as Claimed;
    await progress(stack, token, phone.phoneKey, { n: 1, state: 'step', step: 'document-front', previousStep: 'intro' });

    const rejoined = await handoff(stack, sessionId);
    assert.equal(rejoined.claimed, true);
    assert.notEqual(rejoined.token, token);
    assert.deepEqual((await events(stack, rejoined.token)).map((event) => event.state), ['waiting', 'connected', 'step']);
    // Following is not claiming.
    assert.equal((await claim(stack, rejoined.token)).status, 404);

    assert.equal((await progress(stack, token, phone.phoneKey, { n: 2, state: 'cancelled' })).status, 200);
    const gone = await fetch(`${stack.url}/handoff/${rejoined.token}/events`, { headers: stack.auth('alice') });
    assert.equal(gone.status, 404, 'the handoff is gone with its tokens');
    assert.equal((await stack.ocr(sessionId, { user: null, headers: { 'ekyc-handoff': phone.phoneKey } })).status, 403);
    const again = await handoff(stack, sessionId);
    assert.equal(again.claimed, false);
    assert.equal((await claim(stack, again.token)).status, 200);
  });
});

describe('handoff across two instances on one Redis', () => {
  let redis: RedisProcess;
  let upstream: EmulatorServer;
  let one: Stack;
  let two: Stack;
  const prefix = `handoff-${process.pid}:`;

  before(async () => {
    redis = await startRedis();
    upstream = await startEmulatorServer({ apiKeys: [KEY] });
    one = await startStack({ store: await createRedisStore({ url: redis.url, prefix }) }, upstream);
    two = await startStack({ store: await createRedisStore({ url: redis.url, prefix }) }, upstream);
  });

  after(async () => {
    await one.close();
    await two.close();
    await upstream.close();
    await redis.stop();
  });

  test('the computer follows on one instance what the phone does on the other', async () => {
    const sessionId = await one.session('alice');
    const { token } = await handoff(one, sessionId);
    const reading = readStream(one, token, (states) => states.includes('done'));
    const claims = await Promise.all([claim(two, token), claim(one, token)]);
    assert.deepEqual(claims.map((response) => response.status).sort(), [200, 409]);
    const phone = (await claims.find((response) => response.status === 200)!.json()) as Claimed;
    const key = { 'ekyc-handoff': phone.phoneKey };
    assert.equal((await two.ocr(sessionId, { user: null, side: 'front', headers: key, body: form('files', jpeg()) })).status, 200);
    await progress(two, token, phone.phoneKey, { n: 1, state: 'step', step: 'document-front', previousStep: 'intro' });
    await progress(two, token, phone.phoneKey, { n: 2, state: 'done', result: { sessionId } });
    assert.deepEqual(await reading, ['waiting', 'connected', 'step', 'done']);
  });
});
