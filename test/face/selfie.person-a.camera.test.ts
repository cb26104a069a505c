import { expect } from '@open-wc/testing';
import { SELFIE_CAPTURE_FRAMES } from '../../src/face/rules/capture-gate.js';
import type { FaceDetectorHandle } from '../../src/face/detector/handle.js';
import { loadFaceDetector } from '../../src/face/detector/load-detector.js';
import { openCamera, watchSelfie } from './watch-selfie.js';

describe('the selfie step in front of one person (fake camera: person-a)', function () {
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

  it('sees exactly one face on every frame and captures automatically', async () => {
    const run = await watchSelfie(detector, camera.video, SELFIE_CAPTURE_FRAMES + 4);
    expect(run.faceCounts.every((count) => count === 1)).to.equal(true, `faces per frame: ${run.faceCounts.join(',')}`);
    expect(run.checks.map((check) => check.hint)).to.include('ready');
    expect(run.firedAt).to.equal(SELFIE_CAPTURE_FRAMES - 1);
  });
});
