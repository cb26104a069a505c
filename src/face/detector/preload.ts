import { faceAssetUrls } from './assets.js';
import type { FaceDetectorHandle } from './handle.js';
import { loadFaceDetector, type LoadFaceDetectorOptions } from './load-detector.js';

/** One detector a model and thread, shared by every element of the page that holds a reference to it. */
interface Shared {
  users: number;
  loading: Promise<FaceDetectorHandle> | null;
  /** The loaded detector, once there is one. */
  handle: FaceDetectorHandle | null;
}

const shared = new Map<string, Shared>();

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });
}

function keyOf(options: LoadFaceDetectorOptions): string {
  return `${faceAssetUrls(options.assetsBase).model} ${options.thread ?? 'auto'}`;
}

/** The shared detector's load, started when the page is idle; a failed load is forgotten, so a later call tries again. */
function load(entry: Shared, options: LoadFaceDetectorOptions): Promise<FaceDetectorHandle> {
  if (entry.loading) return entry.loading;
  const loading = whenIdle().then(() => loadFaceDetector(options));
  entry.loading = loading;
  loading.then(
    (handle) => {
      // Released or replaced meanwhile: nobody will use it.
      if (entry.loading !== loading) handle.close();
      else entry.handle = handle;
    },
    () => {
      if (entry.loading === loading) entry.loading = null;
    },
  );
  return loading;
}

function release(entry: Shared, handle: FaceDetectorHandle | null): void {
  entry.loading = null;
  entry.handle = null;
  handle?.close();
}

/**
 * Takes a reference to the page's shared detector, starting its load when the page is idle: elements that
 * call it early (when their flow starts) and those that come later share one load and one worker. Each call
 * must be matched by one {@link releaseFaceDetector}.
 */
export function preloadFaceDetector(options: LoadFaceDetectorOptions): Promise<FaceDetectorHandle> {
  const key = keyOf(options);
  let entry = shared.get(key);
  if (!entry) {
    entry = { users: 0, loading: null, handle: null };
    shared.set(key, entry);
  }
  entry.users += 1;
  return load(entry, options);
}

/**
 * The shared detector again, for a holder whose `dead` detector stopped working (its worker crashed): the first
 * holder to notice closes it and starts a new load, the others get that new one. With `dead` `null`: the load
 * again, after one that failed.
 */
export function replaceFaceDetector(options: LoadFaceDetectorOptions, dead: FaceDetectorHandle | null): Promise<FaceDetectorHandle> {
  const entry = shared.get(keyOf(options));
  if (!entry) return Promise.reject(new Error('No reference to the face detector is held.'));
  if (dead && entry.handle === dead) release(entry, dead);
  return load(entry, options);
}

/** Gives back one reference; the last one closes the detector (and its worker). */
export function releaseFaceDetector(options: LoadFaceDetectorOptions): void {
  const key = keyOf(options);
  const entry = shared.get(key);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  shared.delete(key);
  // A load under way closes its detector when it ends (no users left).
  release(entry, entry.handle);
}
