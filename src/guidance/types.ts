import type { CaptureQuality } from '../events.js';

/** What on-device guidance says about the latest frame. */
export interface GuidanceUpdate {
  /** The hint's text key, e.g. `hint.selfie.too-far`. */
  hint: GuidanceHint;
  /** Every check passes on this frame. */
  ready: boolean;
  /** Take the photo now (once per run, never with manual capture). */
  fire: boolean;
  /** Measured values of the frame that fired. */
  quality: CaptureQuality | null;
  /**
   * For documents: the source frame to encode, when it is not the live video (the sharpest of the run); a
   * `VideoFrame` where the browser has them. Whoever receives it closes it.
   */
  frame?: VideoFrame | ImageBitmap | undefined;
  /** For documents: the card's rectangle in the frame's pixels. */
  crop?: { x: number; y: number; width: number; height: number } | undefined;
}

export type GuidanceHint = `hint.selfie.${string}` | `hint.document.${string}`;

export interface Guidance {
  stop(): void;
}
