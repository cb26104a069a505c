import assert from 'node:assert/strict';
import { test } from 'node:test';

test('importing the face module in Node loads no MediaPipe and touches no DOM', async () => {
  const globals = globalThis as Record<string, unknown>;
  const face = await import('../../src/face/index.js');
  assert.equal(typeof face.loadFaceDetector, 'function');
  assert.equal(globals['window'], undefined);
  assert.equal(globals['document'], undefined);
  assert.equal(globals['ModuleFactory'], undefined);
});

test('the selfie checks run without a browser', async () => {
  const { checkSelfie, nextCaptureGate, initialCaptureGate } = await import('../../src/face/index.js');
  const check = checkSelfie([], { width: 640, height: 480 });
  assert.deepEqual(check, { hint: 'no-face' });
  assert.equal(nextCaptureGate(initialCaptureGate, check).fire, false);
});
