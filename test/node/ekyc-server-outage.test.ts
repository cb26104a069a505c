// Only FPT.AI's own answers spend attempts or fail anyone: an outage (no connection, a time-out, a 5xx,
// something that is not the API's JSON) leaves the result pending, keeps nothing, and counts nothing.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { EmulatorFault } from '../../src/emulator/index.js';
import { startStack, type Stack } from './helpers/ekyc-stack.js';

interface Result {
  status: string;
  reasons: string[];
}

const OUTAGES: readonly EmulatorFault[] = ['network', 'timeout', 'http-500', 'http-502', 'http-503', 'html', 'malformed-json', 'truncated-json'];

const errorOf = async (response: Response): Promise<string> => ((await response.json()) as { error: string }).error;

describe('an FPT.AI outage fails nobody', () => {
  let stack: Stack;
  const result = async (sessionId: string): Promise<Result> => (await (await stack.result(sessionId)).json()) as Result;

  before(async () => {
    stack = await startStack({
      // Long enough that a dropped connection is seen as one on a loaded machine, not as a time-out.
      limits: { upstreamTimeoutMs: 1500, ocrAttemptsPerSession: 2, faceAttemptsPerSession: 2, sessionsPerSubjectPerHour: 1000, sessionsPerAddressPerHour: 1000 },
    });
  });
  after(() => stack.close());
  beforeEach(() => {
    stack.upstream.emulator.clearFaults();
    stack.upstream.emulator.clearRequests();
    stack.completed.length = 0;
  });

  describe('finding 5', () => {
    test('five face calls answered 500: each is 502 upstream-unavailable, the result stays pending, onComplete does not run', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front' });
      await stack.ocr(sessionId, { side: 'back' });
      stack.upstream.emulator.inject('http-500', { endpoint: 'face', times: 5 });
      for (let call = 0; call < 5; call++) {
        const response = await stack.face(sessionId);
        assert.equal(response.status, 502);
        assert.equal(await errorOf(response), 'upstream-unavailable');
      }
      assert.equal(stack.calls('face'), 5);
      const during = await result(sessionId);
      assert.equal(during.status, 'pending');
      assert.deepEqual(during.reasons, ['face-not-checked', 'upstream-unavailable']);
      assert.equal(stack.completed.length, 0);
      // Two face attempts a session, none spent by the outage.
      stack.upstream.emulator.inject('multiple-faces', { endpoint: 'face' });
      assert.equal((await stack.face(sessionId)).status, 200);
      assert.equal((await stack.face(sessionId)).status, 200);
      const passed = await result(sessionId);
      assert.equal(passed.status, 'passed');
      assert.deepEqual(passed.reasons, []);
      assert.deepEqual(stack.completed.map((each) => each.status), ['passed']);
    });

    test('a transient 502 is not replayed for the same Idempotency-Key: the retry reaches FPT.AI', async () => {
      const sessionId = await stack.session();
      stack.upstream.emulator.inject('http-502', { endpoint: 'ocr' });
      assert.equal((await stack.ocr(sessionId, { side: 'front', key: 'front-capture-502' })).status, 502);
      const retry = await stack.ocr(sessionId, { side: 'front', key: 'front-capture-502' });
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('idempotent-replayed'), null);
      assert.equal(stack.calls('ocr'), 2);
    });

    test('a failed /session/init does not use up the user’s sessions', async () => {
      const other = await startStack({ limits: { sessionsPerSubjectPerHour: 2, sessionsPerAddressPerHour: 2 } });
      try {
        for (const fault of ['http-502', 'network', 'html'] as const) {
          other.upstream.emulator.inject(fault, { endpoint: 'init' });
          const response = await fetch(`${other.url}/session`, { method: 'POST', headers: other.auth('alice') });
          assert.equal(response.status, 502, fault);
          assert.equal(await errorOf(response), 'upstream-unavailable');
        }
        await other.session('alice');
        await other.session('alice');
        const third = await fetch(`${other.url}/session`, { method: 'POST', headers: other.auth('alice') });
        assert.equal(third.status, 429);
      } finally {
        await other.close();
      }
    });
  });

  test('every kind of outage on an upload: 502 or 504 upstream-unavailable, no attempt spent, nothing on record', async () => {
    for (const fault of OUTAGES) {
      const sessionId = await stack.session();
      stack.upstream.emulator.inject(fault, { endpoint: 'ocr' });
      const response = await stack.ocr(sessionId, { side: 'front', key: `front-${fault}` });
      assert.equal(response.status, fault === 'timeout' ? 504 : 502, fault);
      assert.equal(await errorOf(response), 'upstream-unavailable', fault);
      assert.deepEqual((await result(sessionId)).reasons, ['front-not-read', 'back-not-read', 'face-not-checked', 'upstream-unavailable'], fault);
      // Two OCR attempts a session, none spent by the outage; and the retry is a new call.
      assert.equal((await stack.ocr(sessionId, { side: 'front', key: `front-${fault}` })).status, 200, fault);
      assert.deepEqual((await result(sessionId)).reasons, ['back-not-read', 'face-not-checked'], fault);
      assert.equal((await stack.ocr(sessionId, { side: 'back' })).status, 200, fault);
    }
  });

  test('FPT.AI’s own refusals still spend attempts: they are its answers', async () => {
    const sessionId = await stack.session();
    stack.upstream.emulator.inject('document-not-found', { endpoint: 'ocr' });
    assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 200);
    assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 200);
    const refused = await stack.ocr(sessionId, { side: 'back' });
    assert.equal(refused.status, 409);
    assert.equal(await errorOf(refused), 'attempts-exhausted');
  });

  test('a face answer of FPT.AI’s that refuses the selfie with the session used up fails the user: it is its answer', async () => {
    const sessionId = await stack.session();
    await stack.ocr(sessionId, { side: 'front' });
    await stack.ocr(sessionId, { side: 'back' });
    stack.upstream.emulator.inject('http-503', { endpoint: 'face' });
    assert.equal((await stack.face(sessionId)).status, 502);
    stack.upstream.emulator.inject('face-mismatch-final', { endpoint: 'face' });
    assert.equal((await stack.face(sessionId)).status, 200);
    const failed = await result(sessionId);
    assert.equal(failed.status, 'failed');
    assert.deepEqual(failed.reasons, ['face-refused', 'no-match']);
  });
});
