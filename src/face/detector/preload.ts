import { faceAssetUrls } from './assets.js';
import type { FaceDetectorHandle } from './handle.js';
import { loadFaceDetector, type LoadFaceDetectorOptions } from './load-detector.js';

const loads = new Map<string, Promise<FaceDetectorHandle>>();

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });
}

function keyOf(options: LoadFaceDetectorOptions): string {
  return `${faceAssetUrls(options.assetsBase).model} ${options.thread ?? 'auto'}`;
}

/**
 * Starts loading the detector once the page is idle and remembers the promise, so that calling
 * it early (when the flow starts) and again at the selfie step loads only once. A failed load
 * is forgotten, so a later call tries again.
 */
export function preloadFaceDetector(options: LoadFaceDetectorOptions): Promise<FaceDetectorHandle> {
  const key = keyOf(options);
  const known = loads.get(key);
  if (known) return known;
  const loading = whenIdle().then(() => loadFaceDetector(options));
  loads.set(key, loading);
  loading.catch(() => loads.delete(key));
  return loading;
}

/**
 * Closes and forgets a preloaded detector (for example when the element leaves the page).
 */
export async function releaseFaceDetector(options: LoadFaceDetectorOptions): Promise<void> {
  const key = keyOf(options);
  const loading = loads.get(key);
  loads.delete(key);
  if (loading) (await loading.catch(() => undefined))?.close();
}
