import { sourceSize } from '../../platform/source-size.js';
import { videoFrameOf } from '../../platform/video-frame.js';
import { PendingRequests } from '../../platform/pending-requests.js';
import type { FrameSignature } from '../../integrity/frame-hash.js';
import type { FaceAssetUrls } from './assets.js';
import { createFaceWorker } from './create-face-worker.js';
import { FaceDetectorError } from './errors.js';
import type { FaceDetectorHandle } from './handle.js';
import type { Face } from '../types.js';
import type { FromFaceWorker, ToFaceWorker } from './worker-protocol.js';

/**
 * Runs the detector in a module worker: the page hands each video frame over as a `VideoFrame`
 * (nothing copied; where the browser has none, and for other sources, it copies the frame into an
 * `ImageBitmap`) and transfers it. Rejects with a `FaceDetectorError` whose `failure` tells whether the worker
 * itself could not run (`runtime`: try the main thread) or the assets were missing (`assets`).
 */
export async function startWorkerDetector(urls: FaceAssetUrls, startWorker: () => Worker = createFaceWorker): Promise<FaceDetectorHandle> {
  let worker: Worker;
  try {
    worker = startWorker();
  } catch (error) {
    throw new FaceDetectorError('runtime', `the face worker could not start: ${String(error)}`, { cause: error });
  }
  const send = (message: ToFaceWorker, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
  const pending = new PendingRequests<{ faces: Face[]; signature?: FrameSignature | null }>();
  let closed = false;
  // Video frames are handed over, unless the worker cannot receive them.
  let framesToWorker = true;
  // A function, so that checks after an await read the current value.
  const isClosed = (): boolean => closed;

  const shutDown = (reason: string): void => {
    if (closed) return;
    closed = true;
    worker.terminate();
    pending.rejectAll(new FaceDetectorError('closed', reason));
  };

  await new Promise<void>((resolve, reject) => {
    const onMessage = ({ data }: MessageEvent<FromFaceWorker>): void => {
      if (data.type === 'ready') resolve();
      else if (data.type === 'start-failed') reject(new FaceDetectorError(data.failure, data.message));
    };
    const onError = (event: ErrorEvent): void => {
      reject(new FaceDetectorError('runtime', `the face worker failed: ${event.message || 'script error'}`));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    send({ type: 'start', urls });
  }).catch((error: unknown) => {
    shutDown('the face worker did not start');
    throw error;
  });

  worker.addEventListener('message', ({ data }: MessageEvent<FromFaceWorker>) => {
    if (data.type === 'unreadable') {
      // Copy frames into bitmaps from now on; what was sent meanwhile is lost.
      framesToWorker = false;
      pending.rejectAll(new Error('the face worker could not read the frame'));
      return;
    }
    if (data.type === 'faces') pending.settle(data.id, { value: data });
    else if (data.type === 'detect-failed') pending.settle(data.id, { error: new Error(data.message) });
  });
  worker.addEventListener('error', (event) => shutDown(`the face worker failed: ${event.message}`));

  return {
    thread: 'worker',
    async detect(frame, timestampMs = performance.now(), onSignature) {
      if (closed) throw new FaceDetectorError('closed', 'the face detector is closed');
      const size = sourceSize(frame);
      if (size.width === 0 || size.height === 0) return [];
      const copy = (framesToWorker ? videoFrameOf(frame) : null) ?? (await createImageBitmap(frame));
      if (isClosed()) {
        copy.close();
        throw new FaceDetectorError('closed', 'the face detector is closed');
      }
      const { id, answer } = pending.open(undefined);
      send({ type: 'detect', id, frame: copy, timestampMs, sign: onSignature !== undefined }, [copy]);
      const { faces, signature } = await answer;
      if (signature) onSignature?.(signature);
      return faces;
    },
    close() {
      shutDown('the face detector is closed');
    },
  };
}
