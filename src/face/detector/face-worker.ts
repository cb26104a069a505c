// Module worker: owns the MediaPipe detector so inference never blocks the page.
import { bitmapHash } from '../../integrity/bitmap-hash.js';
import { asFaceDetectorError } from './errors.js';
import { restrictFetch, type FetchScope } from './restrict-fetch.js';
import { createLocalFaceDetector, type LocalFaceDetector } from './tasks-detector.js';
import { warmUp } from './warm-up.js';
import type { FromFaceWorker, ToFaceWorker } from './worker-protocol.js';

interface FaceWorkerScope extends FetchScope {
  postMessage(message: FromFaceWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToFaceWorker>) => void): void;
  addEventListener(type: 'messageerror', listener: () => void): void;
}

const scope = globalThis as unknown as FaceWorkerScope;
let detector: LocalFaceDetector | undefined;

async function start(message: Extract<ToFaceWorker, { type: 'start' }>): Promise<void> {
  const origins = new Set([location.origin, ...Object.values(message.urls).map((url) => new URL(url).origin)]);
  restrictFetch(scope, (url) => origins.has(url.origin), location.href);
  try {
    detector = await createLocalFaceDetector(message.urls);
    warmUp(detector);
    scope.postMessage({ type: 'ready' });
  } catch (error) {
    const failure = asFaceDetectorError(error, 'runtime');
    scope.postMessage({ type: 'start-failed', failure: failure.failure, message: failure.message });
  }
}

async function detect(message: Extract<ToFaceWorker, { type: 'detect' }>): Promise<void> {
  const { frame } = message;
  let image: ImageBitmap | undefined;
  try {
    if (!detector) throw new Error('the face detector has not started');
    // MediaPipe misreads some video frames: a frame handed over as a `VideoFrame` becomes a bitmap here, off the
    // page's thread.
    const timestamp = frame instanceof ImageBitmap ? null : frame.timestamp;
    image = frame instanceof ImageBitmap ? frame : await createImageBitmap(frame);
    const faces = detector.detect(image, message.timestampMs);
    const hash = message.sign ? bitmapHash(image) : null;
    scope.postMessage({ type: 'faces', id: message.id, faces, signature: hash === null ? null : { hash, timestamp } });
  } catch (error) {
    scope.postMessage({ type: 'detect-failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    frame.close();
    image?.close();
  }
}

scope.addEventListener('message', ({ data }) => {
  switch (data.type) {
    case 'start':
      void start(data);
      break;
    case 'detect':
      void detect(data);
      break;
  }
});

scope.addEventListener('messageerror', () => {
  scope.postMessage({ type: 'unreadable' });
});
