import { expect } from '@open-wc/testing';
import { SELFIE_CAPTURE_FRAMES } from '../../src/face/rules/capture-gate.js';
import type { FaceDetectorHandle } from '../../src/face/detector/handle.js';
import { loadFaceDetector } from '../../src/face/detector/load-detector.js';
import { openCamera, watchSelfie } from './watch-selfie.js';

describe('the selfie step in front of two people (fake camera: two-people)', function () {
  this.timeout(60_000);
  let detector: FaceDetectorHandle;
  let camera: Awaited<ReturnType<typeof openCamera>>;

  before(async () => {
    [detector, camera] = await Promise.all([loadFaceDetector({ assetsBase: '/public/ekyc-assets/' }), openCamera()]);
  });
  after(() => {
    camera.stop();
    detector.close();
  });

  it('asks for one face on every frame and never captures', async () => {
    const run = await watchSelfie(detector, camera.video, 3 * SELFIE_CAPTURE_FRAMES);
    expect(new Set(run.checks.map((check) => check.hint))).to.deep.equal(new Set(['multiple-faces']));
    expect(run.firedAt).to.equal(-1);
  });
});
