import type { FaceAssetUrls } from './assets.js';
import type { FaceDetectorFailure } from './errors.js';
import type { FrameSignature } from '../../integrity/frame-hash.js';
import type { Face } from '../types.js';

/** Messages from the page to the face worker. */
export type ToFaceWorker =
  | { type: 'start'; urls: FaceAssetUrls }
  /** `sign`: answer the frame's signature too (for the capture-integrity watch). */
  | { type: 'detect'; id: number; frame: ImageBitmap | VideoFrame; timestampMs: number; sign?: boolean };

/** Messages from the face worker to the page. */
export type FromFaceWorker =
  | { type: 'ready' }
  | { type: 'start-failed'; failure: FaceDetectorFailure; message: string }
  | { type: 'faces'; id: number; faces: Face[]; signature?: FrameSignature | null }
  | { type: 'detect-failed'; id: number; message: string }
  /** A message could not be read (a browser that cannot send the worker a `VideoFrame`). */
  | { type: 'unreadable' };
