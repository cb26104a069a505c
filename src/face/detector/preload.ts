import { faceAssetUrls } from './assets.js';
import type { FaceDetectorHandle } from './handle.js';
import { loadFaceDetector, type LoadFaceDetectorOptions } from './load-detector.js';

const loads = new Map<string, Promise<FaceDetectorHandle>>();
/** Releases asked for with a grace period, not yet done. */
const releases = new Map<string, ReturnType<typeof setTimeout>>();

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
  clearTimeout(releases.get(key));
  releases.delete(key);
  const known = loads.get(key);
  if (known) return known;
  const loading = whenIdle().then(() => loadFaceDetector(options));
  loads.set(key, loading);
  loading.catch(() => loads.delete(key));
  return loading;
}

/**
 * Closes and forgets a preloaded detector (for example when the element leaves the page); with
 * `graceMs`, only if nothing preloads it again within that time (an element put back on the page
 * after a route change, or the next one mounted, then reuses it instead of loading MediaPipe anew).
 */
export async function releaseFaceDetector(options: LoadFaceDetectorOptions, { graceMs = 0 } = {}): Promise<void> {
  const key = keyOf(options);
  clearTimeout(releases.get(key));
  releases.delete(key);
  if (graceMs > 0) {
    releases.set(
      key,
      setTimeout(() => void releaseFaceDetector(options), graceMs),
    );
    return;
  }
  const loading = loads.get(key);
  loads.delete(key);
  if (loading) (await loading.catch(() => undefined))?.close();
}
