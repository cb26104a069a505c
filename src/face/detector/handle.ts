import type { FrameSignature } from '../../integrity/frame-hash.js';
import type { Face, FaceFrame } from '../types.js';

/** Where detection runs: a module worker (keeps the page responsive) or the page's own thread. */
export type DetectorThread = 'worker' | 'main';

/** A loaded face detector, as the element uses it. */
export interface FaceDetectorHandle {
  /** Where inference actually runs (the worker can be unavailable, see `loadFaceDetector`). */
  readonly thread: DetectorThread;
  /**
   * Detects faces in one frame. `timestampMs` is the frame's time (for example
   * `performance.now()`); timestamps that do not increase are nudged forward.
   * The frame is copied, never transferred or closed. Rejects with a `FaceDetectorError`
   * after `close()`. Await each call before the next: frames sent meanwhile queue up. In a worker,
   * `onSignature` gets the frame's signature for the capture-integrity watch (on the page's thread none
   * is made: it would read the pixels there).
   */
  detect(frame: FaceFrame, timestampMs?: number, onSignature?: (signature: FrameSignature) => void): Promise<Face[]>;
  /** Releases the detector (and its worker). Idempotent. */
  close(): void;
}
