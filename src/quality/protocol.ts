import type { FrameSignature } from '../integrity/frame-hash.js';
import type { DocumentFrameReport, FrameLayout, Thumbnail } from './types.js';

/**
 * What the page sends the analysis worker: the guide's region already downscaled (`ImageData`, its buffer transferred
 * once the worker has answered), or a whole video frame (transferred) for the worker to downscale itself; where they
 * came from; and the last thumbnail.
 */
export interface AnalysisRequest {
  id: number;
  pixels: ImageData | VideoFrame;
  layout: FrameLayout;
  previous: Thumbnail | null;
}

/** `unreadable`: the worker could not receive a message (a browser that cannot send it a `VideoFrame`). */
export type AnalysisResponse =
  /**
   * `ms`: how long the worker took, copying a video frame's region included; with the frame's signature for the
   * capture-integrity watch (`frameHash` of the region, the `VideoFrame`'s timestamp or `null`).
   */
  | ({ id: number; report: DocumentFrameReport; ms: number } & FrameSignature)
  | { id: number; error: string }
  | { unreadable: true };
