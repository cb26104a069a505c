// A session is a state machine on the server: document sides in order, then the face, then a final
// result that never changes. Each test plays a hostile page against the server in front of the emulator.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { form, jpeg, startStack, type Stack } from './helpers/ekyc-stack.js';

const PERSON_A = 'NGUYỄN THỊ MINH ANH';
const PERSON_B = 'NGUYỄN VĂN AN';
/** Photos of person B's card: the emulator reads them as its known card of NGUYỄN VĂN AN. */
const B_FRONT = jpeg(64, 0x4b);
const B_BACK = jpeg(64, 0x4c);

interface Result {
  status: string;
  reasons: string[];
  ocr: { front: { data: { key: string; value: string }[] } | null; back: unknown };
  face: { code: string } | null;
}

const fieldOf = (result: Result, key: string): string | undefined =>
  result.ocr.front?.data.find((field) => field.key === key)?.value;

const errorOf = async (response: Response): Promise<string> => ((await response.json()) as { error: string }).error;

async function sameBytes(image: Blob, expected: Uint8Array): Promise<boolean> {
  const bytes = new Uint8Array(await image.arrayBuffer());
  return bytes.length === expected.length && bytes.every((byte, index) => byte === expected[index]);
}

describe('a session moves document sides → face → final, on the server', () => {
  let stack: Stack;
  const result = async (sessionId: string): Promise<Result> => (await (await stack.result(sessionId)).json()) as Result;

  before(async () => {
    stack = await startStack({ limits: { sessionsPerSubjectPerHour: 1000, sessionsPerAddressPerHour: 1000 } });
    stack.upstream.emulator.recogniseCard = async (image) =>
      (await sameBytes(image, B_FRONT)) || (await sameBytes(image, B_BACK)) ? 'cccd-2021-nguyen-van-an' : null;
  });
  after(() => stack.close());
  beforeEach(() => {
    stack.upstream.emulator.clearFaults();
    stack.upstream.emulator.clearRequests();
    stack.completed.length = 0;
  });

  describe('finding 2: another person’s card after the face match', () => {
    test('A’s front, a selfie, B’s front, B’s back: the selfie and B’s front are refused, and B never passes', async () => {
      const sessionId = await stack.session();
      assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 200);
      const early = await stack.face(sessionId);
      assert.equal(early.status, 409);
      assert.equal(await errorOf(early), 'out-of-order');
      const otherFront = await stack.ocr(sessionId, { side: 'front', body: form('files', B_FRONT) });
      assert.equal(otherFront.status, 409);
      assert.equal(await errorOf(otherFront), 'out-of-order');
      await stack.ocr(sessionId, { side: 'back', body: form('files', B_BACK) });
      await stack.face(sessionId);
      const after = await result(sessionId);
      assert.notEqual(fieldOf(after, 'Name'), PERSON_B);
      assert.equal(fieldOf(after, 'Name'), PERSON_A);
      assert.equal(stack.calls('face'), 1, 'the early selfie never reached FPT.AI');
      assert.ok(stack.completed.every((each) => !JSON.stringify(each.ocr.front).includes(PERSON_B)));
    });

    test('after A passed, B’s front and back are refused with session-complete, and the result stays A’s', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front' });
      await stack.ocr(sessionId, { side: 'back' });
      await stack.face(sessionId);
      const passed = await result(sessionId);
      assert.equal(passed.status, 'passed');
      for (const side of ['front', 'back'] as const) {
        const response = await stack.ocr(sessionId, { side, body: form('files', side === 'front' ? B_FRONT : B_BACK) });
        assert.equal(response.status, 409);
        assert.equal(await errorOf(response), 'session-complete');
      }
      assert.deepEqual(await result(sessionId), passed);
      assert.equal(stack.calls('ocr'), 2);
    });

    test('a face answer counts only for the document evidence it was given for: a refused selfie, then B’s card, is refused', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front' });
      await stack.ocr(sessionId, { side: 'back' });
      stack.upstream.emulator.inject('multiple-faces', { endpoint: 'face' });
      assert.equal((await stack.face(sessionId)).status, 200);
      const response = await stack.ocr(sessionId, { side: 'front', body: form('files', B_FRONT) });
      assert.equal(response.status, 409);
      assert.equal(await errorOf(response), 'out-of-order');
      assert.equal((await result(sessionId)).status, 'pending');
    });
  });

  describe('finding 4: a result that is not final', () => {
    test('front → face → back: the early face is refused; the face after the back is final, onComplete runs once, nothing flips it', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front' });
      assert.equal((await stack.face(sessionId)).status, 409);
      await stack.ocr(sessionId, { side: 'back' });
      const pending = await result(sessionId);
      assert.equal(pending.status, 'pending');
      assert.deepEqual(pending.reasons, ['face-not-checked']);
      assert.equal(stack.completed.length, 0);

      assert.equal((await stack.face(sessionId)).status, 200);
      const final = await result(sessionId);
      assert.equal(final.status, 'passed');
      assert.equal(stack.completed.length, 1);

      stack.upstream.emulator.inject('face-mismatch-final', { endpoint: 'face' });
      const flip = await stack.face(sessionId);
      assert.equal(flip.status, 409);
      assert.equal(await errorOf(flip), 'session-complete');
      assert.equal(stack.calls('face'), 1);
      assert.deepEqual(await result(sessionId), final);
      assert.equal(stack.completed.length, 1);
    });

    test('after failed, every upload gets 409 session-complete and the result never changes', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front' });
      await stack.ocr(sessionId, { side: 'back' });
      stack.upstream.emulator.inject('face-mismatch-final', { endpoint: 'face' });
      await stack.face(sessionId);
      const failed = await result(sessionId);
      assert.equal(failed.status, 'failed');
      for (const response of [await stack.face(sessionId), await stack.ocr(sessionId, { side: 'front' }), await stack.ocr(sessionId, { side: 'back' })]) {
        assert.equal(response.status, 409);
        assert.equal(await errorOf(response), 'session-complete');
      }
      assert.deepEqual(await result(sessionId), failed);
      assert.deepEqual(stack.completed.map((each) => each.status), ['failed']);
    });

    test('concurrent selfies: one final result, onComplete exactly once', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front' });
      await stack.ocr(sessionId, { side: 'back' });
      stack.upstream.emulator.latencyMs = 100;
      try {
        const answers = await Promise.all(Array.from({ length: 4 }, (_, index) => stack.face(sessionId, { key: `selfie-race-${index}` })));
        assert.ok(answers.some((answer) => answer.status === 200));
      } finally {
        stack.upstream.emulator.latencyMs = 0;
      }
      assert.equal((await result(sessionId)).status, 'passed');
      assert.equal(stack.completed.length, 1);
    });
  });

  test('an onComplete that failed runs again with the next upload, which is then refused: the hook runs once in all', async () => {
    let fail = true;
    const kept: string[] = [];
    const other = await startStack({
      hooks: {
        onComplete: (final) => {
          if (fail) throw new Error('webhook down');
          kept.push(final.status);
        },
      },
    });
    try {
      const sessionId = await other.session();
      await other.ocr(sessionId, { side: 'front' });
      await other.ocr(sessionId, { side: 'back' });
      assert.equal((await other.face(sessionId)).status, 500);
      const read = (await (await other.result(sessionId)).json()) as Result;
      assert.equal(read.status, 'passed', 'the result is final although the hook failed');
      fail = false;
      const later = await other.face(sessionId);
      assert.equal(later.status, 409);
      assert.equal(await errorOf(later), 'session-complete');
      assert.deepEqual(kept, ['passed']);
      assert.equal((await other.face(sessionId)).status, 409);
      assert.deepEqual(kept, ['passed']);
      assert.equal(other.calls('face'), 1);
    } finally {
      await other.close();
    }
  });

  describe('the order of the document', () => {
    test('a back before its front is refused with 409 out-of-order, before FPT.AI', async () => {
      const sessionId = await stack.session();
      const response = await stack.ocr(sessionId, { side: 'back' });
      assert.equal(response.status, 409);
      assert.equal(await errorOf(response), 'out-of-order');
      assert.equal(stack.calls('ocr'), 0);
    });

    test('a side on record is not read again, and a back of another document type is refused', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front' });
      assert.equal(await errorOf(await stack.ocr(sessionId, { side: 'front', body: form('files', jpeg(70)) })), 'out-of-order');
      assert.equal(await errorOf(await stack.ocr(sessionId, { side: 'back', documentType: 'dlr' })), 'out-of-order');
      assert.equal(stack.calls('ocr'), 1);
      assert.equal((await stack.ocr(sessionId, { side: 'back' })).status, 200);
      assert.equal(await errorOf(await stack.ocr(sessionId, { side: 'back', body: form('files', jpeg(72)) })), 'out-of-order');
    });

    test('a side FPT.AI did not read can be sent again: only a reading goes on record', async () => {
      const sessionId = await stack.session();
      stack.upstream.emulator.inject('document-not-found', { endpoint: 'ocr' });
      await stack.ocr(sessionId, { side: 'front' });
      assert.equal(await errorOf(await stack.ocr(sessionId, { side: 'back' })), 'out-of-order');
      assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 200);
      assert.equal((await stack.ocr(sessionId, { side: 'back' })).status, 200);
    });

    test('front and back in one request put both sides on record', async () => {
      const sessionId = await stack.session();
      const both = await stack.ocr(sessionId, { side: null, body: form('files', jpeg(64, 0x21), jpeg(64, 0x22)) });
      assert.equal(both.status, 200);
      assert.equal((await stack.face(sessionId)).status, 200);
      assert.equal((await result(sessionId)).status, 'passed');
    });

    test('a passport has a front only: its face comes next; a passport back is refused with 400', async () => {
      const sessionId = await stack.session();
      const back = await stack.ocr(sessionId, { documentType: 'passport', side: 'back' });
      assert.equal(back.status, 400);
      assert.equal((await stack.ocr(sessionId, { documentType: 'passport', side: null })).status, 200);
      assert.equal((await stack.face(sessionId)).status, 200);
      const passed = await result(sessionId);
      assert.equal(passed.status, 'passed');
      assert.equal(passed.ocr.back, null);
    });

    test('a document-only session: a selfie is refused, and after both sides every upload is session-complete', async () => {
      const other = await startStack({ flow: 'document-only' });
      try {
        const sessionId = await other.session();
        assert.equal(await errorOf(await other.face(sessionId)), 'out-of-order');
        await other.ocr(sessionId, { side: 'front' });
        await other.ocr(sessionId, { side: 'back' });
        assert.equal(await errorOf(await other.face(sessionId)), 'session-complete');
        assert.equal(await errorOf(await other.ocr(sessionId, { side: 'back' })), 'session-complete');
        assert.equal(other.completed.length, 1);
        assert.equal(other.calls('face'), 0);
      } finally {
        await other.close();
      }
    });
  });
});
