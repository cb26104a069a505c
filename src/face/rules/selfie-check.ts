import { defaultOvalGuide, type OvalGuide } from './oval-guide.js';
import type { Face, FrameSize } from '../types.js';

/**
 * What the selfie step tells the user, one at a time, in this priority order:
 * `no-face`, `multiple-faces`, `too-close`, `partly-out`, `too-far`, `off-centre`, then `ready`.
 */
export type SelfieHint = 'no-face' | 'multiple-faces' | 'too-close' | 'partly-out' | 'too-far' | 'off-centre' | 'ready';

/** Where the user should move their face, as they see it on the screen. */
export type MoveDirection = 'left' | 'right' | 'up' | 'down';

/** The outcome of {@link checkSelfie} for one frame. */
export interface SelfieCheck {
  hint: SelfieHint;
  /** The face the hint is about (absent for `no-face` and `multiple-faces`). */
  face?: Face;
  /** For `off-centre` and `partly-out`: which way to move. */
  move?: MoveDirection;
}

/** Tuning of {@link checkSelfie}; every field has a default. */
export interface SelfieCheckOptions {
  /** The oval shown to the user; default {@link defaultOvalGuide}. */
  guide?: OvalGuide;
  /** Face box height over oval height below which the face is `too-far`. Default 0.35. */
  minFaceSize?: number;
  /** Face box height over oval height above which the face is `too-close`. Default 0.85. */
  maxFaceSize?: number;
  /** Largest distance between face and oval centres, as a fraction of the oval's radius on that axis. Default 0.25. */
  maxOffset?: number;
  /**
   * Whether the preview the user sees is mirrored (the usual selfie view). It flips
   * `left`/`right` of {@link SelfieCheck.move} so they match the screen. Default true.
   */
  mirrored?: boolean;
}

/** Box overhangs smaller than this (a fraction of the frame) are rounding, not a face cut off. */
const EDGE_TOLERANCE = 0.005;

function moveTowards(dx: number, dy: number, mirrored: boolean): MoveDirection {
  if (Math.abs(dx) >= Math.abs(dy)) {
    // dx > 0: the face is right of where it should be, in the camera's own (unmirrored) image.
    const inFrame = dx > 0 ? 'left' : 'right';
    return mirrored ? (inFrame === 'left' ? 'right' : 'left') : inFrame;
  }
  return dy > 0 ? 'up' : 'down';
}

/**
 * Checks one selfie frame: exactly one face, fully in the frame, of the right size, centred in
 * the oval guide. Pure; coordinates are normalised (see {@link Face}).
 */
export function checkSelfie(faces: readonly Face[], frame: FrameSize, options: SelfieCheckOptions = {}): SelfieCheck {
  const face = faces[0];
  if (!face) return { hint: 'no-face' };
  if (faces.length > 1) return { hint: 'multiple-faces' };

  const guide = options.guide ?? defaultOvalGuide(frame);
  const mirrored = options.mirrored ?? true;
  const { box } = face;
  const size = box.height / (2 * guide.radiusY);
  if (size > (options.maxFaceSize ?? 0.85)) return { hint: 'too-close', face };

  const overLeft = -box.x;
  const overRight = box.x + box.width - 1;
  const overTop = -box.y;
  const overBottom = box.y + box.height - 1;
  if (Math.max(overLeft, overRight, overTop, overBottom) > EDGE_TOLERANCE) {
    const dx = Math.max(overRight, 0) - Math.max(overLeft, 0);
    const dy = Math.max(overBottom, 0) - Math.max(overTop, 0);
    return { hint: 'partly-out', face, move: moveTowards(dx, dy, mirrored) };
  }

  if (size < (options.minFaceSize ?? 0.35)) return { hint: 'too-far', face };

  const dx = (box.x + box.width / 2 - guide.centerX) / guide.radiusX;
  const dy = (box.y + box.height / 2 - guide.centerY) / guide.radiusY;
  const maxOffset = options.maxOffset ?? 0.25;
  if (Math.abs(dx) > maxOffset || Math.abs(dy) > maxOffset) {
    return { hint: 'off-centre', face, move: moveTowards(dx, dy, mirrored) };
  }
  return { hint: 'ready', face };
}
