import type { Box, FrameLayout, Point, Rect } from './types.js';

export interface LayoutOptions {
  /** Margin around the guide that is analysed too, as a share of the guide's size (default 0.15). */
  margin?: number;
  /** Longest side of the analysed image in pixels (default 400). */
  longSide?: number;
}

/** Default analysed size: ample for edges and blur at a few milliseconds a frame. */
export const ANALYSED_LONG_SIDE = 400;

/**
 * Where to look in a frame: the guide plus a margin (so the card's edges are in
 * view even when it is a little larger than the guide), kept inside the frame,
 * and the downscaled size to analyse it at.
 */
export function documentLayout(
  frame: { width: number; height: number },
  guide: Rect,
  options: LayoutOptions = {},
): FrameLayout {
  const margin = options.margin ?? 0.15;
  const longSide = options.longSide ?? ANALYSED_LONG_SIDE;
  const x0 = Math.max(0, Math.floor(guide.x - guide.width * margin));
  const y0 = Math.max(0, Math.floor(guide.y - guide.height * margin));
  const x1 = Math.min(frame.width, Math.ceil(guide.x + guide.width * (1 + margin)));
  const y1 = Math.min(frame.height, Math.ceil(guide.y + guide.height * (1 + margin)));
  const region = { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
  const scale = Math.min(1, longSide / Math.max(region.width, region.height));
  return {
    frame: { width: frame.width, height: frame.height },
    guide: { ...guide },
    region,
    width: Math.max(1, Math.round(region.width * scale)),
    height: Math.max(1, Math.round(region.height * scale)),
  };
}

/** Analysed pixels per source pixel, along x and y. */
export function layoutScale(layout: FrameLayout): { x: number; y: number } {
  return { x: layout.width / layout.region.width, y: layout.height / layout.region.height };
}

/** The guide in analysed pixels. */
export function guideBox(layout: FrameLayout): Box {
  const scale = layoutScale(layout);
  return {
    x0: (layout.guide.x - layout.region.x) * scale.x,
    y0: (layout.guide.y - layout.region.y) * scale.y,
    x1: (layout.guide.x + layout.guide.width - layout.region.x) * scale.x,
    y1: (layout.guide.y + layout.guide.height - layout.region.y) * scale.y,
  };
}

/** An analysed pixel's position in the source frame. */
export function toSource(layout: FrameLayout, point: Point): Point {
  const scale = layoutScale(layout);
  return { x: layout.region.x + point.x / scale.x, y: layout.region.y + point.y / scale.y };
}
