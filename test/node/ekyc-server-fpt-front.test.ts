// FPT.AI compares a selfie with the front it read last in the session; the server keeps the first
// front. These must never disagree: one upload of a session at a time, and a front of another holder
// read after the one on record ends the session.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EmulatorServer } from '../../src/emulator/node.js';
import { form, startStack, type Stack } from './helpers/ekyc-stack.js';
import { picture, startPeopleEmulator, type Kind, type Person } from './helpers/people.js';

const errorOf = async (response: Response): Promise<string | undefined> => ((await response.json()) as { error?: string }).error;

describe('the front FPT.AI compares a selfie with', () => {
  let upstream: EmulatorServer;
  let stack: Stack;

  before(async () => {
    upstream = await startPeopleEmulator();
    stack = await startStack({}, upstream);
  });

  after(async () => {
    await stack.close();
    await upstream.close();
  });

  const ocr = (sessionId: string, person: Person, kind: Kind, side: 'front' | 'back' = kind === 'back' ? 'back' : 'front') =>
    stack.ocr(sessionId, { side, body: form('files', picture(person, kind)) });
  const selfie = (sessionId: string, person: Person) => stack.face(sessionId, { body: form('selfies', picture(person, 'selfie')) });
  const status = async (sessionId: string) => ((await (await stack.result(sessionId)).json()) as { status: string; reasons: string[] });

  test('two uploads of one session at once: the second is refused with 409 upload-in-progress, before FPT.AI', async () => {
    const sessionId = await stack.session();
    upstream.emulator.clearRequests();
    upstream.emulator.latencyMs = 200;
    let answers: Response[];
    try {
      answers = await Promise.all([ocr(sessionId, 'alice', 'front'), ocr(sessionId, 'bob', 'front')]);
    } finally {
      upstream.emulator.latencyMs = 0;
    }
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [200, 409]);
    const refused = answers.find((answer) => answer.status === 409);
    assert.equal(await errorOf(refused ?? new Response('{}')), 'upload-in-progress');
    assert.equal(refused?.headers.get('retry-after'), '1');
    assert.equal(stack.calls('ocr'), 1);
  });

  test('another holder’s front sent as the back fails the session (document-changed): their selfie cannot pass', async () => {
    const sessionId = await stack.session();
    assert.equal((await ocr(sessionId, 'alice', 'front')).status, 200);
    const swapped = await ocr(sessionId, 'bob', 'front', 'back');
    assert.equal(swapped.status, 422);
    assert.equal(await errorOf(swapped), 'side-mismatch');
    assert.deepEqual(await status(sessionId), { ...(await status(sessionId)), status: 'failed', reasons: ['document-changed'] });
    assert.equal(await errorOf(await ocr(sessionId, 'alice', 'back')), 'session-complete');
    assert.equal(await errorOf(await selfie(sessionId, 'bob')), 'session-complete');
    assert.equal(stack.completed.filter((result) => result.sessionId === sessionId).at(0)?.status, 'failed');
  });

  test('reading a front asks a verdict function nothing: a rule that fails a session without a face does not end it at the front', async () => {
    const strict = await startStack(
      { verdict: (evidence) => (evidence.face ? { status: 'passed', reasons: [] } : { status: 'failed', reasons: ['face-not-checked'] }) },
      upstream,
    );
    try {
      const sessionId = await strict.session('bob');
      const send = (kind: Kind) => strict.ocr(sessionId, { user: 'bob', side: kind === 'back' ? 'back' : 'front', body: form('files', picture('bob', kind)) });
      assert.equal((await send('front')).status, 200);
      assert.equal((await send('back')).status, 200);
      assert.equal((await strict.face(sessionId, { user: 'bob', body: form('selfies', picture('bob', 'selfie')) })).status, 200);
      assert.equal(strict.completed.at(0)?.status, 'passed');
    } finally {
      await strict.close();
    }
  });

  test('the same card’s front sent again as the back is a side mismatch only: the flow goes on and passes', async () => {
    const sessionId = await stack.session();
    assert.equal((await ocr(sessionId, 'alice', 'front')).status, 200);
    assert.equal(await errorOf(await ocr(sessionId, 'alice', 'front', 'back')), 'side-mismatch');
    assert.equal((await status(sessionId)).status, 'pending');
    assert.equal((await ocr(sessionId, 'alice', 'back')).status, 200);
    assert.equal((await selfie(sessionId, 'alice')).status, 200);
    assert.equal((await status(sessionId)).status, 'passed');
  });
});
