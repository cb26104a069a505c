import { whenIdle } from '../../platform/scheduling.js';
import { faceAssetUrls } from './assets.js';
import { FaceDetectorError } from './errors.js';
import type { FaceDetectorHandle } from './handle.js';
import { loadFaceDetector, type LoadFaceDetectorOptions } from './load-detector.js';

/** One detector a model and thread, shared by every element of the page that holds a reference to it. */
interface Shared {
  users: number;
  loading: Promise<FaceDetectorHandle> | null;
  /** The loaded detector, once there is one. */
  handle: FaceDetectorHandle | null;
  /** Resolved once a step needs the detector now: a load that can only run on the page waits for it, if asked to. */
  needed: Promise<void> | null;
  need: () => void;
  /** A release asked for with a grace period, not yet done. */
  releaseTimer: ReturnType<typeof setTimeout> | undefined;
}

const shared = new Map<string, Shared>();

function keyOf(options: LoadFaceDetectorOptions): string {
  return `${faceAssetUrls(options.assetsBase).model} ${options.thread ?? 'auto'}`;
}

function newEntry(pageLoadWhenNeeded: boolean): Shared {
  let need: () => void = () => undefined;
  const needed = pageLoadWhenNeeded ? new Promise<void>((resolve) => (need = resolve)) : null;
  return { users: 0, loading: null, handle: null, needed, need, releaseTimer: undefined };
}

/**
 * Loads in idle time. With the default thread, in a worker; where no worker can run it (WebKitGTK's and Safari's
 * before 17 have no WebGL; a CSP may forbid workers), on the page: for an entry made with `pageLoadWhenNeeded`,
 * only once a step needs it, since compiling MediaPipe there holds the preview up for seconds.
 */
async function loadShared(entry: Shared, options: LoadFaceDetectorOptions): Promise<FaceDetectorHandle> {
  await whenIdle();
  if (options.thread !== undefined && options.thread !== 'auto') return loadFaceDetector(options);
  try {
    return await loadFaceDetector({ ...options, thread: 'worker' });
  } catch (error) {
    // Missing assets fail the same way on the page.
    if (error instanceof FaceDetectorError && error.failure === 'assets') throw error;
    if (entry.needed) await entry.needed;
    return loadFaceDetector({ ...options, thread: 'main' });
  }
}

/** The shared detector's load; a failed load is forgotten, so a later call tries again. */
function load(entry: Shared, options: LoadFaceDetectorOptions): Promise<FaceDetectorHandle> {
  if (entry.loading) return entry.loading;
  const loading = loadShared(entry, options);
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
 * must be matched by one {@link releaseFaceDetector}. With `pageLoadWhenNeeded`, a detector that cannot run in
 * a worker is loaded on the page only after {@link needFaceDetector}.
 */
export function preloadFaceDetector(
  options: LoadFaceDetectorOptions,
  { pageLoadWhenNeeded = false } = {},
): Promise<FaceDetectorHandle> {
  const key = keyOf(options);
  let entry = shared.get(key);
  if (!entry) {
    entry = newEntry(pageLoadWhenNeeded);
    shared.set(key, entry);
  }
  clearTimeout(entry.releaseTimer);
  entry.releaseTimer = undefined;
  entry.users += 1;
  return load(entry, options);
}

/** A step needs the detector now: where it can only run on the page, its load starts. */
export function needFaceDetector(options: LoadFaceDetectorOptions): void {
  shared.get(keyOf(options))?.need();
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

/**
 * Gives back one reference; the last one closes the detector (and its worker). With `graceMs`, only if nobody
 * takes a reference again within that time: an element put back on the page after a route change, or the next
 * one mounted, then reuses it instead of loading MediaPipe anew.
 */
export function releaseFaceDetector(options: LoadFaceDetectorOptions, { graceMs = 0 } = {}): void {
  const key = keyOf(options);
  const entry = shared.get(key);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  const close = (): void => {
    if (entry.users > 0 || shared.get(key) !== entry) return;
    shared.delete(key);
    // A load under way closes its detector when it ends (no users left).
    release(entry, entry.handle);
  };
  clearTimeout(entry.releaseTimer);
  if (graceMs > 0) entry.releaseTimer = setTimeout(close, graceMs);
  else close();
}
