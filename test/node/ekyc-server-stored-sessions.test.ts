// Sessions stored by an earlier version of the server, before the session policy existed: their record
// carries the page's own onlyEngine and no flow or document types. An upgrade keeps them working, read
// with the server's current policy (chosen once and kept), never with what the page chose then.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EkycStore } from '../../src/server/index.js';
import { KEY, startStack, type Stack } from './helpers/ekyc-stack.js';

const LIMITS = { sessionsPerSubjectPerHour: 1000, sessionsPerAddressPerHour: 1000 };

/** An FPT.AI session, and the record the earlier version kept for it: the page had asked for no selfie. */
async function storedBeforePolicy(stack: Stack, store: EkycStore, subject: string): Promise<string> {
  const init = await fetch(`${stack.upstream.url}/session/init`, { method: 'POST', headers: { 'api-key': KEY, 'device-type': 'web-sdk' } });
  const { 'session-id': sessionId } = (await init.json()) as { 'session-id': string };
  const createdAt = Date.now();
  const record = { subject, createdAt, expiresAt: createdAt + 30 * 60_000, onlyEngine: true };
  await store.set(`session:${sessionId}`, JSON.stringify(record), 60 * 60_000);
  return sessionId;
}

async function withStack(overrides: Parameters<typeof startStack>[0], run: (stack: Stack) => Promise<void>): Promise<void> {
  const stack = await startStack({ limits: LIMITS, ...overrides });
  try {
    await run(stack);
  } finally {
    await stack.close();
  }
}

interface ResultAnswer {
  status: string;
  reasons: string[];
}

describe('sessions stored before the session policy existed', () => {
  test('are read with the server’s policy: uploads are answered, the face is still required, and the result is final once', async () => {
    await withStack({}, async (stack) => {
      const sessionId = await storedBeforePolicy(stack, stack.server.store, 'alice');
      const before = await stack.result(sessionId);
      assert.equal(before.status, 200);
      assert.equal(((await before.json()) as ResultAnswer).status, 'pending');
      assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 200);
      assert.equal((await stack.ocr(sessionId, { side: 'back' })).status, 200);
      // The page's onlyEngine of then does not make the document enough: this server's flow is full.
      const document = (await (await stack.result(sessionId)).json()) as ResultAnswer;
      assert.equal(document.status, 'pending');
      assert.deepEqual(document.reasons, ['face-not-checked']);
      assert.equal(stack.completed.length, 0);
      assert.equal((await stack.face(sessionId)).status, 200);
      assert.equal(((await (await stack.result(sessionId)).json()) as ResultAnswer).status, 'passed');
      assert.equal(stack.completed.length, 1);
      assert.equal((await stack.face(sessionId)).status, 409);
    });
  });

  test('a front the earlier version read stays on record: the back and the selfie follow it', async () => {
    await withStack({}, async (stack) => {
      const sessionId = await storedBeforePolicy(stack, stack.server.store, 'alice');
      const front = await stack.ocr(sessionId, { side: 'front' });
      const reading = (await front.json()) as Record<string, unknown>;
      // Rewritten as the earlier version kept a side: its document type and FPT.AI's reading, nothing else.
      await stack.server.store.set(`session:${sessionId}:front`, JSON.stringify({ documentType: 'idr', response: reading }), 60 * 60_000);
      assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 409);
      assert.equal((await stack.ocr(sessionId, { side: 'back' })).status, 200);
      assert.equal((await stack.face(sessionId)).status, 200);
      assert.equal(((await (await stack.result(sessionId)).json()) as ResultAnswer).status, 'passed');
    });
  });

  test('a policy function is asked once, for the session’s own subject, and its answer is kept for every later request', async () => {
    const asked: string[] = [];
    let flow: 'document-only' | 'full' = 'document-only';
    const policy = {
      flow: (subject: string) => {
        asked.push(subject);
        return flow;
      },
      documentTypes: ['idr'] as const,
    };
    await withStack(policy, async (stack) => {
      const sessionId = await storedBeforePolicy(stack, stack.server.store, 'bob');
      // Another user learns nothing and fixes nothing.
      assert.equal((await stack.ocr(sessionId, { user: 'alice' })).status, 403);
      assert.equal((await stack.result(sessionId, 'alice')).status, 404);
      assert.deepEqual(asked, []);
      const passport = await stack.ocr(sessionId, { user: 'bob', documentType: 'passport', side: null });
      assert.equal(passport.status, 400);
      assert.equal(((await passport.json()) as { error: string }).error, 'document-type-not-allowed');
      assert.deepEqual(asked, ['bob']);
      // A later change of the integrator's mind does not reach a session whose policy was chosen.
      flow = 'full';
      assert.equal((await stack.ocr(sessionId, { user: 'bob', side: 'front' })).status, 200);
      assert.equal((await stack.ocr(sessionId, { user: 'bob', side: 'back' })).status, 200);
      assert.equal(((await (await stack.result(sessionId, 'bob')).json()) as ResultAnswer).status, 'passed');
      assert.deepEqual(asked, ['bob']);
      assert.equal(stack.completed.length, 1);
    });
  });

  test('a policy function that fails gives 500 policy-failed, and the next request asks it again', async () => {
    let failing = true;
    const flow = () => {
      if (failing) throw new Error('policy service down');
      return 'full' as const;
    };
    await withStack({ flow }, async (stack) => {
      const sessionId = await storedBeforePolicy(stack, stack.server.store, 'alice');
      const refused = await stack.ocr(sessionId, { side: 'front' });
      assert.equal(refused.status, 500);
      assert.equal(((await refused.json()) as { error: string }).error, 'policy-failed');
      assert.equal(stack.calls('ocr'), 0);
      failing = false;
      assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 200);
    });
  });
});
