import type { FrameSize } from '../types.js';

/**
 * The oval the user is asked to put their face in, in normalised frame coordinates
 * (`centerX`, `radiusX` as fractions of the width; `centerY`, `radiusY` of the height).
 */
export interface OvalGuide {
  centerX: number;
  centerY: number;
  radiusX: number;
  radiusY: number;
}

/** Height of the default oval, as a fraction of the frame's height. */
const OVAL_HEIGHT = 0.6;
/** Width over height of the default oval, in pixels: about a head's proportions. */
const OVAL_ASPECT = 0.75;
/** The oval never takes more of the frame's width than this (very tall, narrow frames). */
const OVAL_MAX_WIDTH = 0.8;
/** A little above the middle, where a face sits when the shoulders are in the picture. */
const OVAL_CENTER_Y = 0.45;

/** The default guide for a frame: a head-shaped oval, centred, a little above the middle. */
export function defaultOvalGuide(frame: FrameSize): OvalGuide {
  let heightPx = OVAL_HEIGHT * frame.height;
  let widthPx = OVAL_ASPECT * heightPx;
  if (widthPx > OVAL_MAX_WIDTH * frame.width) {
    widthPx = OVAL_MAX_WIDTH * frame.width;
    heightPx = widthPx / OVAL_ASPECT;
  }
  return {
    centerX: 0.5,
    centerY: OVAL_CENTER_Y,
    radiusX: widthPx / 2 / frame.width,
    radiusY: heightPx / 2 / frame.height,
  };
}
