// The session policy (flow, document types) belongs to the server: fixed when the session is created,
// stored with it, and never widened by what the page says.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createEkycServer } from '../../src/server/index.js';
import { KEY, startStack, type Stack, type User } from './helpers/ekyc-stack.js';

interface SessionAnswer {
  sessionId: string;
  expiresAt: string;
  flow: string;
  documentTypes: string[];
}

const LIMITS = { sessionsPerSubjectPerHour: 1000, sessionsPerAddressPerHour: 1000 };

async function askSession(stack: Stack, user: User, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const json: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  return fetch(`${stack.url}/session`, {
    method: 'POST',
    headers: { ...stack.auth(user), ...json, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const errorOf = async (response: Response): Promise<string> => ((await response.json()) as { error: string }).error;

async function withStack(overrides: Parameters<typeof startStack>[0], run: (stack: Stack) => Promise<void>): Promise<void> {
  const stack = await startStack({ limits: LIMITS, ...overrides });
  try {
    await run(stack);
  } finally {
    await stack.close();
  }
}

describe('the session policy', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ limits: LIMITS });
  });
  after(() => stack.close());
  beforeEach(() => {
    stack.upstream.emulator.clearRequests();
    stack.completed.length = 0;
  });

  describe('finding 1: the page cannot switch the face check off', () => {
    test('{ onlyEngine: true } and only-engine: 1 are refused with 400 flow-not-allowed, before FPT.AI', async () => {
      const byBody = await askSession(stack, 'alice', { onlyEngine: true });
      assert.equal(byBody.status, 400);
      assert.equal(await errorOf(byBody), 'flow-not-allowed');
      const byHeader = await askSession(stack, 'alice', undefined, { 'only-engine': '1' });
      assert.equal(byHeader.status, 400);
      assert.equal(await errorOf(byHeader), 'flow-not-allowed');
      assert.equal(stack.calls('init'), 0);
    });

    test('a session of the full flow stays pending after both sides, and onComplete is not called', async () => {
      const sessionId = await stack.session();
      assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 200);
      assert.equal((await stack.ocr(sessionId, { side: 'back' })).status, 200);
      const result = (await (await stack.result(sessionId)).json()) as { status: string; reasons: string[] };
      assert.equal(result.status, 'pending');
      assert.deepEqual(result.reasons, ['face-not-checked']);
      assert.equal(stack.completed.length, 0);
      assert.equal(stack.upstream.emulator.requests.find((request) => request.endpoint === 'init')?.headers['only-engine'], undefined);
    });

    test('a page that agrees with the policy is answered with it: { onlyEngine: false }, only-engine: 0', async () => {
      for (const response of [
        await askSession(stack, 'alice', { onlyEngine: false }),
        await askSession(stack, 'alice', undefined, { 'only-engine': '0' }),
        await askSession(stack, 'alice'),
      ]) {
        assert.equal(response.status, 200);
        const answer = (await response.json()) as SessionAnswer;
        assert.deepEqual(Object.keys(answer).sort(), ['documentTypes', 'expiresAt', 'flow', 'sessionId']);
        assert.equal(answer.flow, 'full');
        assert.deepEqual(answer.documentTypes, ['idr', 'passport', 'dlr']);
      }
    });
  });

  test('a document-only server: FPT.AI is asked for an OCR-only session, the document alone passes, a full flow is refused', async () => {
    await withStack({ flow: 'document-only' }, async (other) => {
      const refused = await askSession(other, 'alice', { onlyEngine: false });
      assert.equal(refused.status, 400);
      assert.equal(await errorOf(refused), 'flow-not-allowed');
      const answer = (await (await askSession(other, 'alice')).json()) as SessionAnswer;
      assert.equal(answer.flow, 'document-only');
      const init = other.upstream.emulator.requests.filter((request) => request.endpoint === 'init');
      assert.equal(init.length, 1);
      assert.equal(init[0]?.headers['only-engine'], '1');
      await other.ocr(answer.sessionId, { side: 'front' });
      await other.ocr(answer.sessionId, { side: 'back' });
      const result = (await (await other.result(answer.sessionId)).json()) as { status: string; face: unknown };
      assert.equal(result.status, 'passed');
      assert.equal(result.face, null);
      assert.equal(other.completed.length, 1);
    });
  });

  test('documentTypes: an upload of another type is refused with 400 before FPT.AI, and the session says which types', async () => {
    await withStack({ documentTypes: ['idr'] }, async (other) => {
      const answer = (await (await askSession(other, 'alice')).json()) as SessionAnswer;
      assert.deepEqual(answer.documentTypes, ['idr']);
      const passport = await other.ocr(answer.sessionId, { documentType: 'passport', side: null });
      assert.equal(passport.status, 400);
      assert.equal(await errorOf(passport), 'document-type-not-allowed');
      const licence = await other.ocr(answer.sessionId, { documentType: 'dlr', side: 'front' });
      assert.equal(licence.status, 400);
      assert.equal(other.calls('ocr'), 0);
      assert.equal((await other.ocr(answer.sessionId, { side: 'front' })).status, 200);
    });
  });

  test('the policy can be chosen per session from the subject and the request, and is stored with the session', async () => {
    let flowFor = 'full';
    const policy = {
      flow: (subject: string) => (subject === 'bob' ? ('document-only' as const) : flowFor === 'full' ? ('full' as const) : ('document-only' as const)),
      documentTypes: async (_subject: string, request: Request) => {
        await Promise.resolve();
        return request.headers.get('x-market') === 'abroad' ? (['passport'] as const) : (['idr', 'dlr'] as const);
      },
    };
    await withStack(policy, async (other) => {
      const bob = (await (await askSession(other, 'bob')).json()) as SessionAnswer;
      assert.equal(bob.flow, 'document-only');
      assert.deepEqual(bob.documentTypes, ['idr', 'dlr']);
      const alice = (await (await askSession(other, 'alice', undefined, { 'x-market': 'abroad' })).json()) as SessionAnswer;
      assert.equal(alice.flow, 'full');
      assert.deepEqual(alice.documentTypes, ['passport']);
      // A later change of the integrator's mind does not reach sessions already created.
      flowFor = 'document-only';
      assert.equal((await other.ocr(alice.sessionId, { side: 'front' })).status, 400);
      assert.equal((await other.ocr(alice.sessionId, { documentType: 'passport', side: null })).status, 200);
      const result = (await (await other.result(alice.sessionId)).json()) as { status: string; reasons: string[] };
      assert.equal(result.status, 'pending');
      assert.deepEqual(result.reasons, ['face-not-checked']);
    });
  });

  test('a policy function that fails or answers nonsense gives 500 policy-failed, and no FPT.AI session', async () => {
    const answers: unknown[] = [['idr', 'selfie'], [], 'idr', ['idr', 'idr']];
    let index = 0;
    await withStack({ documentTypes: () => answers[index++] as ['idr'] }, async (other) => {
      for (let attempt = 0; attempt < answers.length; attempt++) {
        const response = await askSession(other, 'alice');
        assert.equal(response.status, 500);
        assert.equal(await errorOf(response), 'policy-failed');
      }
      assert.equal(other.calls('init'), 0);
    });
    await withStack({ flow: () => Promise.reject(new Error('policy service down')) }, async (other) => {
      assert.equal((await askSession(other, 'alice')).status, 500);
    });
  });

  test('a fixed policy that is not one stops the server at creation', () => {
    const base = { apiKey: KEY, authorize: () => 'x' };
    assert.throws(() => createEkycServer({ ...base, flow: 'ocr-only' as 'full' }), /flow must be/);
    assert.throws(() => createEkycServer({ ...base, documentTypes: [] }), /documentTypes must/);
    assert.throws(() => createEkycServer({ ...base, documentTypes: ['idr', 'cmnd' as 'idr'] }), /documentTypes must/);
  });

  test('a handoff gives the phone the session’s flow and an allowed type; a page that asks for others is refused', async () => {
    await withStack({ flow: 'document-only', documentTypes: ['passport', 'idr'] }, async (other) => {
      const { sessionId } = (await (await askSession(other, 'alice')).json()) as SessionAnswer;
      const handoff = (body: Record<string, unknown>) =>
        fetch(`${other.url}/handoff`, {
          method: 'POST',
          headers: { ...other.auth('alice'), 'content-type': 'application/json' },
          body: JSON.stringify({ sessionId, ...body }),
        });
      assert.equal(await errorOf(await handoff({ flow: 'full' })), 'flow-not-allowed');
      assert.equal(await errorOf(await handoff({ documentType: 'dlr' })), 'document-type-not-allowed');
      const { token } = (await (await handoff({})).json()) as { token: string };
      const claim = await fetch(`${other.url}/handoff/${token}/claim`, { method: 'POST' });
      const { settings } = (await claim.json()) as { settings: Record<string, string> };
      assert.equal(settings['flow'], 'ocr-only');
      assert.equal(settings['documentType'], 'passport');
    });
  });
});
