// The evidence is checked, not believed: a side counts only when FPT.AI's reading shows that side.
// FPT.AI reads the picture, not the headers: `picturesRead` makes the emulator answer what each photo shows.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fieldsRead, shownBy, shows } from '../../src/server/document-evidence.js';
import { ocrData } from '../../src/emulator/documents.js';
import { form, startStack, type Stack } from './helpers/ekyc-stack.js';
import { picturesRead } from './helpers/reads-pictures.js';

interface Refusal {
  error: string;
  expected?: { documentType: string; side: string | null };
  looksLike?: { documentType: string | null; side: string | null };
}

const refusalOf = async (response: Response): Promise<Refusal> => (await response.json()) as Refusal;

describe('the evidence is checked, not believed', () => {
  const pictures = picturesRead();
  const idFront = pictures.photo({ documentType: 'idr', side: 'front' });
  const idFrontAgain = pictures.photo({ documentType: 'idr', side: 'front' });
  const idBack = pictures.photo({ documentType: 'idr', side: 'back' });
  const passport = pictures.photo({ documentType: 'passport', side: 'front' });
  const licenceFront = pictures.photo({ documentType: 'dlr', side: 'front' });
  let stack: Stack;

  before(async () => {
    stack = await startStack({ fetch: pictures.fetch, limits: { sessionsPerSubjectPerHour: 1000, sessionsPerAddressPerHour: 1000 } });
  });
  after(() => stack.close());
  beforeEach(() => {
    stack.upstream.emulator.clearRequests();
    stack.completed.length = 0;
  });

  describe('finding 3: the front sent again as the back', () => {
    test('the very same photo as side-type back: FPT.AI reads a front, so 422 side-mismatch, and the session goes on', async () => {
      const sessionId = await stack.session();
      assert.equal((await stack.ocr(sessionId, { side: 'front', body: form('files', idFront) })).status, 200);
      const again = await stack.ocr(sessionId, { side: 'back', body: form('files', idFront) });
      assert.equal(again.status, 422);
      const refusal = await refusalOf(again);
      assert.equal(refusal.error, 'side-mismatch');
      assert.deepEqual(refusal.looksLike, { documentType: 'idr', side: 'front' });
      assert.equal(stack.calls('ocr'), 2);
      assert.equal((await stack.ocr(sessionId, { side: 'back', body: form('files', idBack) })).status, 200);
      assert.equal((await stack.face(sessionId)).status, 200);
      assert.equal(((await (await stack.result(sessionId)).json()) as { status: string }).status, 'passed');
    });

    test('another photo of the front as side-type back: FPT.AI reads a front, so 422 side-mismatch and no back on record', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front', body: form('files', idFront) });
      const response = await stack.ocr(sessionId, { side: 'back', body: form('files', idFrontAgain) });
      assert.equal(response.status, 422);
      const refusal = await refusalOf(response);
      assert.equal(refusal.error, 'side-mismatch');
      assert.deepEqual(refusal.expected, { documentType: 'idr', side: 'back' });
      assert.deepEqual(refusal.looksLike, { documentType: 'idr', side: 'front' });
      await stack.face(sessionId);
      const result = (await (await stack.result(sessionId)).json()) as { status: string; reasons: string[]; ocr: { back: unknown } };
      assert.notEqual(result.status, 'passed');
      assert.equal(result.ocr.back, null);
      assert.equal(stack.completed.length, 0);
    });

    test('an ID card declared a passport does not pass on its front alone', async () => {
      const sessionId = await stack.session();
      const response = await stack.ocr(sessionId, { documentType: 'passport', side: null, body: form('files', idFront) });
      assert.equal(response.status, 422);
      assert.deepEqual((await refusalOf(response)).looksLike, { documentType: 'idr', side: 'front' });
      assert.equal((await stack.face(sessionId)).status, 409);
      assert.equal(((await (await stack.result(sessionId)).json()) as { status: string }).status, 'pending');
    });

    test('a passport labelled an ID card’s back, or a licence labelled an ID card’s front, is refused', async () => {
      const sessionId = await stack.session();
      const licence = await stack.ocr(sessionId, { side: 'front', body: form('files', licenceFront) });
      assert.equal(licence.status, 422);
      assert.deepEqual((await refusalOf(licence)).looksLike, { documentType: 'dlr', side: 'front' });
      await stack.ocr(sessionId, { side: 'front', body: form('files', idFront) });
      const back = await stack.ocr(sessionId, { side: 'back', body: form('files', passport) });
      assert.equal(back.status, 422);
      assert.deepEqual((await refusalOf(back)).looksLike, { documentType: 'passport', side: 'front' });
    });

    test('a mismatch does not spend an attempt, its retry is replayed, and mismatches without end are stopped', async () => {
      const other = await startStack({ fetch: pictures.fetch, limits: { ocrAttemptsPerSession: 2 } });
      try {
        const sessionId = await other.session();
        await other.ocr(sessionId, { side: 'front', body: form('files', idFront) });
        const first = await other.ocr(sessionId, { side: 'back', body: form('files', idFrontAgain), key: 'mismatch-key-1' });
        const retry = await other.ocr(sessionId, { side: 'back', body: form('files', idFrontAgain), key: 'mismatch-key-1' });
        assert.equal(first.status, 422);
        assert.equal(retry.status, 422);
        assert.equal(retry.headers.get('idempotent-replayed'), 'true');
        assert.equal(other.calls('ocr'), 2);
        // Two attempts a session: the front took one, the mismatch none, so the back still may.
        assert.equal((await other.ocr(sessionId, { side: 'back', body: form('files', idBack) })).status, 200);

        const wasteful = await other.session();
        await other.ocr(wasteful, { side: 'front', body: form('files', idFront) });
        for (let index = 0; index < 2; index++) {
          assert.equal((await other.ocr(wasteful, { side: 'back', body: form('files', idFrontAgain) })).status, 422);
        }
        const stopped = await other.ocr(wasteful, { side: 'back', body: form('files', idFrontAgain) });
        assert.equal(stopped.status, 409);
        assert.equal((await refusalOf(stopped)).error, 'attempts-exhausted');
      } finally {
        await other.close();
      }
    });
  });

  describe('what each reading shows (the emulator’s realistic fields)', () => {
    const fieldsOf = (type: 'idr' | 'passport' | 'dlr', sides: ('front' | 'back')[]) =>
      fieldsRead({ errorCode: '0', data: ocrData(type, sides, 'en') });

    test('each type and side is told apart', () => {
      assert.deepEqual(shownBy(fieldsOf('idr', ['front'])), { documentType: 'idr', side: 'front' });
      assert.deepEqual(shownBy(fieldsOf('idr', ['back'])), { documentType: 'idr', side: 'back' });
      assert.deepEqual(shownBy(fieldsOf('dlr', ['front'])), { documentType: 'dlr', side: 'front' });
      assert.deepEqual(shownBy(fieldsOf('dlr', ['back'])), { documentType: null, side: 'back' });
      assert.deepEqual(shownBy(fieldsOf('passport', ['front'])), { documentType: 'passport', side: 'front' });
      assert.deepEqual(shownBy(fieldsRead({ errorCode: '0', data: [] })), { documentType: null, side: null });
    });

    test('an upload counts only for what its reading shows', () => {
      assert.ok(shows('idr', ['front', 'back'], fieldsOf('idr', ['front', 'back'])));
      assert.ok(shows('dlr', ['front', 'back'], fieldsOf('dlr', ['front', 'back'])));
      assert.ok(!shows('idr', ['front', 'back'], fieldsOf('idr', ['front'])));
      assert.ok(!shows('idr', ['front', 'back'], fieldsOf('dlr', ['front', 'back'])));
      assert.ok(shows('dlr', ['back'], fieldsOf('dlr', ['back'])));
      assert.ok(!shows('dlr', ['back'], fieldsOf('idr', ['back'])), 'a feature line is an ID card’s');
      assert.ok(!shows('passport', ['front'], fieldsOf('idr', ['front'])));
      assert.ok(!shows('idr', ['front'], fieldsOf('passport', ['front'])));
    });

    test('a field read as N/A or empty does not count', () => {
      const data = [
        { key: 'ID', name: 'No', value: '036195012345', score: '98', locale: 'vn' },
        { key: 'Name', name: 'Name', value: 'N/A', score: 'N/A', locale: 'vn' },
      ];
      assert.ok(!shows('idr', ['front'], fieldsRead({ errorCode: '0', data })));
    });
  });
});
