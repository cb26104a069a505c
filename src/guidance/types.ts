import type { CaptureQuality } from '../events.js';
import type { GuidanceHint } from '../flow/capture-screen.js';
import type { FrameSample } from '../integrity/stream-watch.js';
import type { SelfieHint } from '../face/rules/selfie-check.js';
import type { CaptureCard } from '../quality/crop.js';
import type { DocumentChecks } from '../quality/judge.js';

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
  /** For documents: the card's rectangle in the frame's pixels (what is sent where `card` is not given). */
  crop?: { x: number; y: number; width: number; height: number } | undefined;
  /** For documents: the card's corners and proportions when all four of its sides were found: it is then sent flattened. */
  card?: CaptureCard | undefined;
  /** What the checks found on this frame (on the frame that fired, when one did): what the review says in words. */
  findings?: FrameFindings | undefined;
  /** What the capture-integrity watch learns of the frame measured (a selfie's only where the detector has a worker). */
  sample?: FrameSample | undefined;
}

/**
 * What the checks found on a frame: a document's measured values (as `qualitySummary` gives them) with the checks and
 * verdict judged on them once, in `quality/`; or the selfie's verdict.
 */
export type FrameFindings =
  | { kind: 'document'; measured: CaptureQuality; checks: DocumentChecks; ok: boolean }
  | { kind: 'selfie'; hint: SelfieHint };

export interface Guidance {
  stop(): void;
}
