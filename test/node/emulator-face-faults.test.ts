// The emulator's face answers that are checked (code 200) yet do not pass: one fault for each way a
// server's verdict can say no, so that every branch can be driven from outside.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { faultApplies, type EmulatorFault } from '../../src/emulator/faults.js';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';
import { jpegHead } from './helpers/image-bytes.js';

const jpeg = (): Blob => new Blob([Uint8Array.of(...jpegHead(), 0xff, 0xd9)], { type: 'image/jpeg' });

interface FaceAnswer {
  code: string;
  liveness: Record<string, string>;
  face_match: Record<string, string>;
  is_complete_session: boolean;
}

describe('the emulator’s face results', () => {
  let server: EmulatorServer;
  before(async () => {
    server = await startEmulatorServer();
  });
  after(() => server.close());

  async function faceWith(fault: EmulatorFault | null): Promise<FaceAnswer> {
    const sessionId = server.emulator.createSession();
    const headers = { 'session-id': sessionId, 'device-type': 'web-sdk' };
    const front = new FormData();
    front.append('files', jpeg(), 'front.jpg');
    await fetch(`${server.url}/ocr`, { method: 'POST', headers: { ...headers, 'document-type': 'idr', 'side-type': 'front' }, body: front });
    if (fault) server.emulator.inject(fault, { endpoint: 'face' });
    const selfie = new FormData();
    selfie.append('selfies', jpeg(), 'selfie.jpg');
    const response = await fetch(`${server.url}/face/liveness`, { method: 'POST', headers: { ...headers, auto: 'True' }, body: selfie });
    assert.equal(response.status, 200);
    return (await response.json()) as FaceAnswer;
  }

  test('without a fault: live, no flag, a match of 95.84', async () => {
    const answer = await faceWith(null);
    assert.equal(answer.code, '200');
    assert.deepEqual([answer.liveness['is_live'], answer.liveness['need_to_review'], answer.liveness['is_deepfake']], ['true', 'N/A', 'N/A']);
    assert.deepEqual([answer.face_match['isMatch'], answer.face_match['similarity']], ['true', '95.84']);
  });

  test('not-live, needs-review, deepfake, low-similarity: code 200, each with its one result changed', async () => {
    const notLive = await faceWith('not-live');
    assert.equal(notLive.code, '200');
    assert.equal(notLive.liveness['is_live'], 'false');
    assert.equal(notLive.face_match['isMatch'], 'true');

    const review = await faceWith('needs-review');
    assert.equal(review.liveness['need_to_review'], 'true');
    assert.equal(review.liveness['is_live'], 'true');

    const deepfake = await faceWith('deepfake');
    assert.equal(deepfake.liveness['is_deepfake'], 'true');
    assert.equal(deepfake.liveness['deepfake_prob'], '0.93');

    const low = await faceWith('low-similarity');
    assert.deepEqual([low.face_match['isMatch'], low.face_match['similarity']], ['true', '72.40']);
    assert.equal(low.liveness['is_live'], 'true');
    for (const answer of [notLive, review, deepfake, low]) assert.equal(answer.is_complete_session, false);
  });

  test('a selfie matchFace says is not the front’s holder is refused as not matching (303), compared with the front read', async () => {
    const compared: number[][] = [];
    server.emulator.matchFace = (selfie, front) => {
      compared.push([selfie.size, front.size]);
      return false;
    };
    try {
      const answer = await faceWith(null);
      assert.equal(answer.code, '303');
      assert.equal(answer.face_match['isMatch'], 'false');
      assert.deepEqual(compared, [[jpeg().size, jpeg().size]]);
    } finally {
      server.emulator.matchFace = undefined;
    }
  });

  test('they apply to the face endpoint only', () => {
    for (const fault of ['not-live', 'needs-review', 'deepfake', 'low-similarity'] as const) {
      assert.ok(faultApplies(fault, 'face'));
      assert.ok(!faultApplies(fault, 'ocr') && !faultApplies(fault, 'init'));
    }
  });
});
