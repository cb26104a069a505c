import type { Rect } from '../geometry/geometry.js';

export type { Rect };

export interface Point {
  x: number;
  y: number;
}

/** A box in the analysed image, in its pixels: `x0` and `y0` inclusive, `x1` and `y1` exclusive. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A greyscale image, one byte a pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Where the analysed image comes from: `region` of the source frame (in source
 * pixels) was drawn into `width`×`height` analysed pixels.
 */
export interface FrameLayout {
  /** Size of the whole source frame. */
  frame: { width: number; height: number };
  /** The guide the card should fill, in source pixels. */
  guide: Rect;
  /** The part of the frame that was analysed: the guide with a margin, inside the frame. */
  region: Rect;
  /** Size of the analysed (downscaled) image. */
  width: number;
  height: number;
}

/**
 * What the user should do next, in priority order: the first failing check
 * names the hint. `hold-still` means every check passes but the view is not yet
 * steady; `ready` means the frame can be captured.
 */
export type DocumentHint =
  | 'no-card'
  | 'move-closer'
  | 'card-cut-off'
  | 'too-dark'
  | 'too-bright'
  | 'low-contrast'
  | 'glare'
  | 'blurry'
  | 'hold-still'
  | 'ready';

export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface CardReport {
  /**
   * How clearly each side of the card shows as one straight edge, 0–1: the mean signed brightness step along it (1: a
   * clean step all along).
   */
  sides: Record<Side, number>;
  /**
   * The corners of the best fit in source pixels (top-left, top-right, bottom-right, bottom-left): meaningful only
   * where the sides are clear.
   */
  corners: [Point, Point, Point, Point];
  /** The smallest upright rectangle around the corners, in source pixels. */
  bounds: Rect;
  /** Area of the card over area of the guide. */
  fill: number;
  /** Each side's lean from the guide's side, in degrees. */
  angles: Record<Side, number>;
  /** Whether the card is lighter than its surroundings (else darker). */
  lighter: boolean;
  /** Shorter over longer side, the worse of the two opposite pairs (1: a rectangle, lower: seen at a slant). */
  squareness: number;
  /**
   * Share of the analysed view around the guide that is busy with edges (print, cloth, keys), 0–1: on such a surface
   * a lone straight edge or the view's brightness says nothing of where the card is.
   */
  surround: number;
}

export interface ExposureReport {
  /** Mean grey level of the card (of the guide when no card is clear), 0–255. */
  mean: number;
  /** 5th and 95th percentile grey levels of the whole analysed view: the card and what is around it. */
  low: number;
  high: number;
  /**
   * `(high − low) / (high + low)`, 0–1: how much the card stands out from its
   * surroundings and its print from the card, whatever the exposure.
   */
  contrast: number;
  /** Share of blown-out pixels in the whole analysed view. */
  blown: number;
}

export interface GlareReport {
  /** Share of blown-out pixels (every channel near 255) on the card. */
  share: number;
  /** Largest connected blown-out patch, as a share of the card. */
  largest: number;
}

/** A tiny greyscale copy of the analysed image, for comparing consecutive frames. */
export interface Thumbnail {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface DocumentFrameReport {
  layout: FrameLayout;
  card: CardReport;
  exposure: ExposureReport;
  glare: GlareReport;
  /** Mean squared spatial frequency of the card's detail (0–4, higher is sharper); does not depend on contrast. */
  sharpness: number;
  /** Mean absolute grey-level change from the previous frame's thumbnail, or `null` for a first frame. */
  motion: number | null;
  thumbnail: Thumbnail;
}

export interface DocumentVerdict {
  ok: boolean;
  hint: DocumentHint;
}
