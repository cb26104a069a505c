import type { SelfieCheck } from './selfie-check.js';
import type { Point } from '../types.js';

/**
 * Consecutive `ready` frames needed before the selfie is taken automatically: about half a
 * second at the 15 detections a second a mid-range phone sustains, long enough to skip
 * a face passing through the oval, short enough not to feel slow.
 */
export const SELFIE_CAPTURE_FRAMES = 8;

/**
 * How far the face centre may move between two frames (a fraction of the frame) and still
 * count as holding still: a moving face gives a blurred selfie.
 */
export const MAX_HOLD_MOVEMENT = 0.03;

/** State of the auto-capture gate; start from {@link initialCaptureGate}. */
export interface SelfieCaptureGate {
  /** Consecutive frames that were `ready` with the face holding still. */
  streak: number;
  /** True only on the frame where the streak reached the target: take the picture then. */
  fire: boolean;
  /** Centre of the face in the previous counted frame. */
  last: Point | null;
}

export const initialCaptureGate: SelfieCaptureGate = { streak: 0, fire: false, last: null };

/** Tuning of {@link nextCaptureGate}. */
export interface SelfieCaptureGateOptions {
  /** Default {@link SELFIE_CAPTURE_FRAMES}. */
  frames?: number;
  /** Default {@link MAX_HOLD_MOVEMENT}. */
  maxMovement?: number;
}

/**
 * Feeds one frame's check into the gate. It fires once when one centred face has held still
 * for `frames` consecutive frames; any other hint, or a jump of the face, starts over.
 */
export function nextCaptureGate(gate: SelfieCaptureGate, check: SelfieCheck, options: SelfieCaptureGateOptions = {}): SelfieCaptureGate {
  if (check.hint !== 'ready' || !check.face) return initialCaptureGate;
  const { box } = check.face;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const moved =
    gate.last !== null &&
    Math.max(Math.abs(centre.x - gate.last.x), Math.abs(centre.y - gate.last.y)) > (options.maxMovement ?? MAX_HOLD_MOVEMENT);
  const streak = moved ? 1 : gate.streak + 1;
  return { streak, fire: streak === (options.frames ?? SELFIE_CAPTURE_FRAMES), last: centre };
}
