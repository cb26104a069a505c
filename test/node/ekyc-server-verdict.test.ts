// Every branch of the verdict, twice: through the server in front of the emulator (whose faults give
// each answer), and by `decide` alone on the same kind of evidence.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { decide, DEFAULT_VERDICT_RULE, type Evidence, type EkycResult } from '../../src/server/index.js';
import { ocrData } from '../../src/emulator/documents.js';
import type { EmulatorFault } from '../../src/emulator/index.js';
import { startStack, type Stack } from './helpers/ekyc-stack.js';

interface Result {
  status: string;
  reasons: string[];
  face: Record<string, unknown> | null;
}

const LIMITS = { sessionsPerSubjectPerHour: 1000, sessionsPerAddressPerHour: 1000 };

describe('every verdict, through the server', () => {
  let stack: Stack;
  const result = async (sessionId: string): Promise<Result> => (await (await stack.result(sessionId)).json()) as Result;

  before(async () => {
    stack = await startStack({ limits: { ...LIMITS, faceAttemptsPerSession: 3 } });
  });
  after(() => stack.close());
  beforeEach(() => {
    stack.upstream.emulator.clearFaults();
    stack.completed.length = 0;
  });

  /** An ID card read, then one selfie with `fault`: the result, which must be final and kept once. */
  async function verdictWith(fault: EmulatorFault | null): Promise<Result> {
    const sessionId = await stack.session();
    await stack.ocr(sessionId, { side: 'front' });
    await stack.ocr(sessionId, { side: 'back' });
    if (fault) stack.upstream.emulator.inject(fault, { endpoint: 'face' });
    assert.equal((await stack.face(sessionId)).status, 200);
    const final = await result(sessionId);
    assert.equal(stack.completed.length, 1, 'onComplete ran once');
    assert.equal(stack.completed[0]?.status, final.status);
    assert.equal((await stack.face(sessionId)).status, 409, 'final is final');
    return final;
  }

  const verdicts: [string, EmulatorFault | null, string, string[]][] = [
    ['a live, matching selfie: passed', null, 'passed', []],
    ['FPT.AI asks for a person: review', 'needs-review', 'review', ['needs-review']],
    ['not live: failed', 'not-live', 'failed', ['not-live']],
    ['a match below the threshold: failed', 'low-similarity', 'failed', ['similarity-below-threshold']],
    ['a deepfake: failed', 'deepfake', 'failed', ['deepfake']],
    ['no match, and FPT.AI says the session is used up: failed', 'face-mismatch-final', 'failed', ['face-refused', 'no-match']],
  ];
  for (const [name, fault, status, reasons] of verdicts) {
    test(name, async () => {
      const final = await verdictWith(fault);
      assert.equal(final.status, status);
      assert.deepEqual(final.reasons, reasons);
    });
  }

  test('a face refused until no attempt is left: pending while one is, then failed', async () => {
    const sessionId = await stack.session();
    await stack.ocr(sessionId, { side: 'front' });
    await stack.ocr(sessionId, { side: 'back' });
    stack.upstream.emulator.inject('multiple-faces', { endpoint: 'face', times: 3 });
    for (let attempt = 1; attempt <= 3; attempt++) {
      assert.equal((await stack.face(sessionId)).status, 200);
      const now = await result(sessionId);
      assert.equal(now.status, attempt < 3 ? 'pending' : 'failed', `attempt ${attempt}`);
      assert.deepEqual(now.reasons, ['face-refused']);
    }
    assert.deepEqual(stack.completed.map((each) => each.status), ['failed']);
  });

  test('a passport session passes on its one page and a selfie', async () => {
    const sessionId = await stack.session();
    await stack.ocr(sessionId, { documentType: 'passport', side: null });
    await stack.face(sessionId);
    const final = (await (await stack.result(sessionId)).json()) as EkycResult;
    assert.equal(final.status, 'passed');
    assert.equal(final.ocr.documentType, 'passport');
  });

  test('a document-only session passes on the document, with no face', async () => {
    const other = await startStack({ flow: 'document-only', limits: LIMITS });
    try {
      const sessionId = await other.session();
      await other.ocr(sessionId, { side: 'front' });
      assert.equal(((await (await other.result(sessionId)).json()) as Result).status, 'pending');
      await other.ocr(sessionId, { side: 'back' });
      const final = (await (await other.result(sessionId)).json()) as Result;
      assert.equal(final.status, 'passed');
      assert.equal(final.face, null);
      assert.equal(other.completed.length, 1);
    } finally {
      await other.close();
    }
  });

  test('the rule’s settings: review that fails, a deepfake sent to review', async () => {
    const other = await startStack({ verdict: { onNeedToReview: 'failed', onDeepfake: 'review' }, limits: LIMITS });
    try {
      for (const [fault, status] of [['needs-review', 'failed'], ['deepfake', 'review']] as const) {
        const sessionId = await other.session();
        await other.ocr(sessionId, { side: 'front' });
        await other.ocr(sessionId, { side: 'back' });
        other.upstream.emulator.inject(fault, { endpoint: 'face' });
        await other.face(sessionId);
        assert.equal(((await (await other.result(sessionId)).json()) as Result).status, status, fault);
      }
    } finally {
      await other.close();
    }
  });

  test('a custom verdict function decides from the evidence, and its final result is kept', async () => {
    const seen: Evidence[] = [];
    const verdict = (evidence: Evidence) => {
      seen.push(evidence);
      const similarity = Number((evidence.face?.['face_match'] as Record<string, string> | undefined)?.['similarity']);
      if (!evidence.face) return { status: 'pending' as const, reasons: ['face-not-checked' as const] };
      return similarity >= 99 ? { status: 'passed' as const, reasons: [] } : { status: 'review' as const, reasons: ['similarity-below-threshold' as const] };
    };
    const other = await startStack({ verdict, limits: LIMITS });
    try {
      const sessionId = await other.session();
      await other.ocr(sessionId, { side: 'front' });
      await other.ocr(sessionId, { side: 'back' });
      await other.face(sessionId);
      const final = (await (await other.result(sessionId)).json()) as Result;
      assert.equal(final.status, 'review');
      assert.deepEqual(final.reasons, ['similarity-below-threshold']);
      assert.deepEqual(other.completed.map((each) => each.status), ['review']);
      const last = seen.at(-1);
      assert.equal(last?.flow, 'full');
      assert.equal(last.front?.documentType, 'idr');
      assert.ok(last.back && last.face);
      assert.equal((await other.face(sessionId)).status, 409);
    } finally {
      await other.close();
    }
  });
});

describe('every verdict, by decide alone', () => {
  const side = (type: 'idr' | 'passport', sides: ('front' | 'back')[]) => ({
    documentType: type,
    response: { errorCode: '0', errorMessage: '', data: ocrData(type, sides, 'en'), total_data: [] },
  });
  const liveness = (changes: Record<string, string> = {}) => ({
    code: '200',
    is_live: 'true',
    spoof_prob: 'N/A',
    need_to_review: 'N/A',
    is_deepfake: 'N/A',
    deepfake_prob: 'N/A',
    warning: 'N/A',
    ...changes,
  });
  const face = (options: { code?: string; live?: Record<string, string>; isMatch?: string; similarity?: string; complete?: boolean } = {}) => ({
    code: options.code ?? '200',
    liveness: liveness(options.live),
    face_match: { code: options.code ?? '200', isMatch: options.isMatch ?? 'true', similarity: options.similarity ?? '95.84', warning: 'N/A' },
    is_complete_session: options.complete ?? false,
  });
  const evidence = (changes: Partial<Evidence> = {}): Evidence => ({
    flow: 'full',
    front: side('idr', ['front']),
    back: side('idr', ['back']),
    face: face(),
    faceAttemptsExhausted: false,
    integrity: { flagged: false, uploads: [] },
    ...changes,
  });

  test('passed', () => {
    assert.deepEqual(decide(evidence()), { status: 'passed', reasons: [] });
  });

  test('review, or failed when the rule says so', () => {
    const flagged = evidence({ face: face({ live: { need_to_review: 'true' } }) });
    assert.deepEqual(decide(flagged), { status: 'review', reasons: ['needs-review'] });
    assert.equal(decide(flagged, { ...DEFAULT_VERDICT_RULE, onNeedToReview: 'failed' }).status, 'failed');
  });

  test('failed: not live, no match, similarity, deepfake', () => {
    assert.deepEqual(decide(evidence({ face: face({ live: { is_live: 'false' } }) })), { status: 'failed', reasons: ['not-live'] });
    assert.deepEqual(decide(evidence({ face: face({ isMatch: 'false', similarity: '5.84' }) })), {
      status: 'failed',
      reasons: ['no-match', 'similarity-below-threshold'],
    });
    assert.deepEqual(decide(evidence({ face: face({ similarity: '72.40' }) })), { status: 'failed', reasons: ['similarity-below-threshold'] });
    assert.equal(decide(evidence({ face: face({ similarity: '72.40' }) }), { ...DEFAULT_VERDICT_RULE, minSimilarity: 70 }).status, 'passed');
    assert.deepEqual(decide(evidence({ face: face({ live: { is_deepfake: 'true' } }) })), { status: 'failed', reasons: ['deepfake'] });
    assert.equal(decide(evidence({ face: face({ live: { is_deepfake: 'true' } }) }), { ...DEFAULT_VERDICT_RULE, onDeepfake: 'review' }).status, 'review');
  });

  test('face refused: pending while the user may retry, failed when FPT.AI ends the session or no attempt is left', () => {
    const refused = face({ code: '407', isMatch: 'N/A', similarity: 'N/A' });
    assert.deepEqual(decide(evidence({ face: refused })), { status: 'pending', reasons: ['face-refused'] });
    assert.deepEqual(decide(evidence({ face: refused, faceAttemptsExhausted: true })), { status: 'failed', reasons: ['face-refused'] });
    assert.deepEqual(decide(evidence({ face: face({ code: '303', isMatch: 'false', similarity: '5.84', complete: true }) })), {
      status: 'failed',
      reasons: ['face-refused', 'no-match'],
    });
  });

  test('pending while a piece is missing', () => {
    assert.deepEqual(decide(evidence({ face: null })), { status: 'pending', reasons: ['face-not-checked'] });
    assert.deepEqual(decide(evidence({ back: null })), { status: 'pending', reasons: ['back-not-read'] });
  });

  test('a passport needs no back; a document-only session no face', () => {
    assert.deepEqual(decide(evidence({ front: side('passport', ['front']), back: null })), { status: 'passed', reasons: [] });
    assert.deepEqual(decide(evidence({ flow: 'document-only', face: null })), { status: 'passed', reasons: [] });
    assert.deepEqual(decide(evidence({ flow: 'document-only', face: null, back: null })), { status: 'pending', reasons: ['back-not-read'] });
  });
});
