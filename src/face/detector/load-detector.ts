import { faceAssetUrls } from './assets.js';
import { FaceDetectorError } from './errors.js';
import type { DetectorThread, FaceDetectorHandle } from './handle.js';

/** Options of {@link loadFaceDetector}. */
export interface LoadFaceDetectorOptions {
  /**
   * The folder holding the files of `FACE_ASSET_FILES` (the build's `ekyc-assets/`), absolute
   * or relative to the page. Nothing is ever fetched from anywhere else.
   */
  assetsBase: string | URL;
  /**
   * `auto` (default): a module worker, or the main thread when no worker can start there
   * (a CSP without `worker-src 'self'`, a Trusted Types policy name that is not allowed…).
   */
  thread?: DetectorThread | 'auto';
}

/**
 * Loads MediaPipe's face detector from `assetsBase` (the MediaPipe code itself is a separate
 * chunk, imported on demand). Rejects with a {@link FaceDetectorError}; the element then
 * reports `ekyc-error` and offers a manual selfie.
 */
export async function loadFaceDetector(options: LoadFaceDetectorOptions): Promise<FaceDetectorHandle> {
  const urls = faceAssetUrls(options.assetsBase);
  const thread = options.thread ?? 'auto';
  if (thread !== 'main') {
    const { startWorkerDetector } = await import('./worker-detector.js');
    try {
      return await startWorkerDetector(urls);
    } catch (error) {
      // Missing assets fail the same way on the main thread; anything else may be the worker's own problem.
      if (thread === 'worker' || (error instanceof FaceDetectorError && error.failure === 'assets')) throw error;
    }
  }
  const { startMainThreadDetector } = await import('./main-thread-detector.js');
  return startMainThreadDetector(urls);
}
