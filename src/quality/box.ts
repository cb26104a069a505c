import type { Box } from './types.js';

export function boxWidth(box: Box): number {
  return box.x1 - box.x0;
}

export function boxHeight(box: Box): number {
  return box.y1 - box.y0;
}

/** Shrinks a box by `fraction` of its size on every side, keeping at least one pixel. */
export function insetBox(box: Box, fraction: number): Box {
  const dx = Math.floor(boxWidth(box) * fraction);
  const dy = Math.floor(boxHeight(box) * fraction);
  return {
    x0: box.x0 + dx,
    y0: box.y0 + dy,
    x1: Math.max(box.x0 + dx + 1, box.x1 - dx),
    y1: Math.max(box.y0 + dy + 1, box.y1 - dy),
  };
}

/** Clamps a box to an image, rounding to whole pixels. */
export function clampBox(box: Box, width: number, height: number): Box {
  const x0 = Math.min(width - 1, Math.max(0, Math.round(box.x0)));
  const y0 = Math.min(height - 1, Math.max(0, Math.round(box.y0)));
  return {
    x0,
    y0,
    x1: Math.max(x0 + 1, Math.min(width, Math.round(box.x1))),
    y1: Math.max(y0 + 1, Math.min(height, Math.round(box.y1))),
  };
}
